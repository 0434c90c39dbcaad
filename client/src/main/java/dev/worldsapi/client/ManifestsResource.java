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
   * manifest's id is the job's {@code resource_id} once it completes. Each call sends a fresh
   * {@code Idempotency-Key} and the same one on every retry, so it is retried after an ambiguous
   * failure (a reset or a timeout once the request was sent) and still creates at most one job.
   *
   * @throws dev.worldsapi.client.errors.UnprocessableEntityException when the request breaks a
   *     bound
   */
  public WorldJob create(CreateWorldManifestRequest request) {
    if (request == null) {
      throw new IllegalArgumentException(
          "request must not be null; send new CreateWorldManifestRequest() for all defaults");
    }
    String key = IdempotencyKeys.fresh();
    return FeignCalls.call(() -> api.createWorldManifest(org, workspace, request, key));
  }
}
