package dev.worldsapi.client;

import dev.worldsapi.client.internal.api.WorldsJobsApi;
import dev.worldsapi.client.model.CreateWorldTrajectoryRequest;
import dev.worldsapi.client.model.WorldJob;

/** Trajectory generation in one workspace. Thread-safe. */
public final class TrajectoriesResource {

  private final WorldsJobsApi api;
  private final String org;
  private final String workspace;
  private final RequestOptions defaults;
  private final Raw raw = new Raw();

  TrajectoriesResource(WorldsJobsApi api, String org, String workspace, RequestOptions defaults) {
    this.api = api;
    this.org = org;
    this.workspace = workspace;
    this.defaults = defaults;
  }

  /** The same operation, answering the status, headers and attempts with the parsed body. */
  public Raw withRawResponse() {
    return raw;
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
    return create(request, RequestOptions.none());
  }

  /**
   * As {@link #create(CreateWorldTrajectoryRequest)}, with options; their idempotency key replaces
   * the fresh one.
   */
  public WorldJob create(CreateWorldTrajectoryRequest request, RequestOptions options) {
    return raw.create(request, options).parse();
  }

  /** The operation of {@link TrajectoriesResource} answering a {@link RawResponse}. */
  public final class Raw {

    private Raw() {}

    public RawResponse<WorldJob> create(CreateWorldTrajectoryRequest request) {
      return create(request, RequestOptions.none());
    }

    public RawResponse<WorldJob> create(
        CreateWorldTrajectoryRequest request, RequestOptions options) {
      if (request == null || request.getManifestId() == null) {
        throw new IllegalArgumentException(
            "request.manifestId is required: the id of a completed manifest");
      }
      RequestOptions call = defaults.merge(options);
      String key = call.idempotencyKey().orElseGet(IdempotencyKeys::fresh);
      return Calls.raw(call, () -> api.createWorldTrajectory(org, workspace, request, key));
    }
  }
}
