package dev.worldsapi.client;

import dev.worldsapi.client.internal.api.WorldsJobsApi;
import dev.worldsapi.client.model.CreateWorldManifestRequest;
import dev.worldsapi.client.model.WorldJob;

/** Manifest generation in one workspace. Thread-safe. */
public final class ManifestsResource {

  private final WorldsJobsApi api;
  private final String org;
  private final String workspace;
  private final RequestOptions defaults;
  private final Raw raw = new Raw();

  ManifestsResource(WorldsJobsApi api, String org, String workspace, RequestOptions defaults) {
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
   * Starts a {@code manifest_generation} job and returns it at once, usually {@code queued}. The
   * manifest's id is the job's {@code resource_id} once it completes. Each call sends a fresh
   * {@code Idempotency-Key} and the same one on every retry, so it is retried after an ambiguous
   * failure (a reset or a timeout once the request was sent) and still creates at most one job.
   *
   * @throws dev.worldsapi.client.errors.UnprocessableEntityException when the request breaks a
   *     bound
   */
  public WorldJob create(CreateWorldManifestRequest request) {
    return create(request, RequestOptions.none());
  }

  /**
   * As {@link #create(CreateWorldManifestRequest)}, with options; their idempotency key replaces
   * the fresh one.
   */
  public WorldJob create(CreateWorldManifestRequest request, RequestOptions options) {
    return raw.create(request, options).parse();
  }

  /** The operation of {@link ManifestsResource} answering a {@link RawResponse}. */
  public final class Raw {

    private Raw() {}

    public RawResponse<WorldJob> create(CreateWorldManifestRequest request) {
      return create(request, RequestOptions.none());
    }

    public RawResponse<WorldJob> create(
        CreateWorldManifestRequest request, RequestOptions options) {
      if (request == null) {
        throw new IllegalArgumentException(
            "request must not be null; send new CreateWorldManifestRequest() for all defaults");
      }
      RequestOptions call = defaults.merge(options);
      String key = call.idempotencyKey().orElseGet(IdempotencyKeys::fresh);
      return Calls.raw(call, () -> api.createWorldManifest(org, workspace, request, key));
    }
  }
}
