package dev.worldsapi.client;

import dev.worldsapi.client.internal.api.WorldsJobsApi;
import dev.worldsapi.client.internal.http.FeignCalls;
import dev.worldsapi.client.model.CreateWorldManifestRequest;
import dev.worldsapi.client.model.WorldJob;

/** Manifest generation in one workspace. Thread-safe. */
public final class ManifestsResource {

  private final WorldsJobsApi api;
  private final String org;
  private final String workspace;

  ManifestsResource(WorldsJobsApi api, String org, String workspace) {
    this.api = api;
    this.org = org;
    this.workspace = workspace;
  }

  /**
   * Starts a {@code manifest_generation} job and returns it at once, usually {@code queued}. The
   * manifest's id is the job's {@code resource_id} once it completes. Not retried after an
   * ambiguous failure, so a job is never created twice by the client.
   *
   * @throws dev.worldsapi.client.errors.UnprocessableEntityException when the request breaks a
   *     bound
   */
  public WorldJob create(CreateWorldManifestRequest request) {
    if (request == null) {
      throw new IllegalArgumentException(
          "request must not be null; send new CreateWorldManifestRequest() for all defaults");
    }
    return FeignCalls.call(() -> api.createWorldManifest(org, workspace, request));
  }
}
