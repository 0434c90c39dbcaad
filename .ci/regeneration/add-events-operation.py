"""Adds a sample operation to a copy of openapi.yaml: the events of one job, with a bounded
query parameter and a small list response, placed on the jobs resource by its extensions alone."""
import sys

path = sys.argv[1]
spec = open(path).read()

operation = """  /api/v1/org/{org}/ws/{workspace}/worlds/jobs/{job_id}/sample-events:
    parameters:
      - $ref: '#/components/parameters/Org'
      - $ref: '#/components/parameters/Workspace'
      - $ref: '#/components/parameters/JobId'
    get:
      operationId: sample_list_job_events
      x-worlds-resource: jobs
      x-worlds-method: sampleListEvents
      x-provenance: chosen
      tags: [Worlds jobs]
      summary: List the events of a world job
      description: The job's events, oldest first.
      parameters:
        - name: limit
          in: query
          description: Most events to return.
          required: false
          x-provenance: chosen
          schema:
            type: integer
            format: int32
            minimum: 1
            maximum: 100
            default: 20
      responses:
        '200':
          description: The events.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/SampleJobEventList'
        '404': {$ref: '#/components/responses/NotFound'}
"""

schemas = """    SampleJobEventList:
      type: object
      description: Events of one job.
      x-provenance: chosen
      required: [items]
      properties:
        items:
          type: array
          description: The events, oldest first.
          x-provenance: chosen
          items:
            $ref: '#/components/schemas/SampleJobEvent'
    SampleJobEvent:
      type: object
      description: One event of a job.
      x-provenance: chosen
      required: [message]
      properties:
        message:
          type: string
          description: What happened.
          x-provenance: chosen
"""

assert spec.count("\ncomponents:\n") == 1 and spec.count("\n  schemas:\n") == 1
spec = spec.replace("\ncomponents:\n", "\n" + operation + "components:\n")
spec = spec.replace("\n  schemas:\n", "\n  schemas:\n" + schemas)
open(path, "w").write(spec)
