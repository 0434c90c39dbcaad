package dev.worldsapi.contract.consumer;

import au.com.dius.pact.consumer.dsl.LambdaDslObject;

/** Pact matchers for the job record: every field typed, never a literal payload. */
final class JobRecords {

  static final String TIMESTAMP =
      "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})";
  static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
  static final String KINDS = "manifest_generation|trajectory_generation";
  static final String STATUSES = "queued|running|completed|failed|cancelled";
  static final String RESOURCE_TYPES = "manifest|trajectory|trajectory_batch";

  private JobRecords() {}

  /**
   * The required fields and the always-present ones, with {@code kind} and {@code status} typed by
   * pattern.
   */
  static void required(LambdaDslObject job) {
    required(job, KINDS, "manifest_generation", STATUSES, "queued");
  }

  static void required(
      LambdaDslObject job, String kindPattern, String kind, String statusPattern, String status) {
    job.stringType("id", "job-7f3a9c");
    job.stringMatcher("kind", kindPattern, kind);
    job.stringMatcher("status", statusPattern, status);
    job.stringType("organization_id", "demo");
    job.stringType("workspace_id", "sandbox");
    job.stringMatcher("created_at", TIMESTAMP, "2026-01-05T10:15:30Z");
    job.stringMatcher("resource_type", RESOURCE_TYPES, "manifest");
    job.stringMatcher("created_by", UUID, "5f0c4b5e-3c1a-4c7e-9a55-2b9d3c1e7a10");
    job.object(
        "created_by_user",
        user -> {
          user.stringMatcher("id", UUID, "5f0c4b5e-3c1a-4c7e-9a55-2b9d3c1e7a10");
          user.stringType("email", "developer@example.org");
          user.stringType("username", "developer");
          user.stringType("full_name", "Demo Developer");
        });
  }

  /** A job nobody has worked on: the lifecycle's nullable fields are null. */
  static void queued(LambdaDslObject job) {
    required(job, KINDS, "manifest_generation", "queued", "queued");
    job.nullValue("project_id");
    job.nullValue("resource_id");
    job.nullValue("progress");
    job.nullValue("error");
    job.nullValue("started_at");
    job.nullValue("completed_at");
    job.nullValue("cancel_requested_at");
  }

  /** A completed manifest job: the lifecycle's nullable fields are set. */
  static void completedManifest(LambdaDslObject job) {
    required(job, "manifest_generation", "manifest_generation", "completed", "completed");
    job.stringType("resource_id", "0986e75e-829e-4f3e-be02-9e42462d8ba8");
    job.numberType("progress", 1.0);
    job.stringMatcher("started_at", TIMESTAMP, "2026-01-05T10:15:31Z");
    job.stringMatcher("completed_at", TIMESTAMP, "2026-01-05T10:15:40Z");
    job.nullValue("error");
    job.object(
        "result",
        result -> result.stringType("manifest_id", "0986e75e-829e-4f3e-be02-9e42462d8ba8"));
  }
}
