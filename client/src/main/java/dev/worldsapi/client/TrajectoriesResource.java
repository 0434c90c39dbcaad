package dev.worldsapi.client;

import dev.worldsapi.client.internal.api.WorldsJobsApi;
import dev.worldsapi.client.internal.http.FeignCalls;
import dev.worldsapi.client.model.CreateWorldTrajectoryRequest;
import dev.worldsapi.client.model.WorldJob;

/** Trajectory generation in one workspace. Thread-safe. */
public final class TrajectoriesResource {

  private final WorldsJobsApi api;
  private final String org;
  private final String workspace;

  TrajectoriesResource(WorldsJobsApi api, String org, String workspace) {
    this.api = api;
    this.org = org;
    this.workspace = workspace;
  }

  /**
   * Starts a {@code trajectory_generation} job from a completed manifest and returns it at once.
   * Each call sends a fresh {@code Idempotency-Key} and the same one on every retry, so it is
   * retried after an ambiguous failure and still creates at most one job.
   *
   * @throws IllegalArgumentException when the request has no {@code manifest_id}
   * @throws dev.worldsapi.client.errors.UnprocessableEntityException when the request breaks a rule
   */
  public WorldJob create(CreateWorldTrajectoryRequest request) {
    if (request == null || request.getManifestId() == null) {
      throw new IllegalArgumentException(
          "request.manifestId is required: the id of a completed manifest");
    }
    String key = IdempotencyKeys.fresh();
    return FeignCalls.call(() -> api.createWorldTrajectory(org, workspace, request, key));
  }
}
