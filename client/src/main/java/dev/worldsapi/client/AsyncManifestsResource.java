package dev.worldsapi.client;

import dev.worldsapi.client.model.CreateWorldManifestRequest;
import dev.worldsapi.client.model.WorldJob;
import java.util.concurrent.CompletableFuture;

/** {@link ManifestsResource}'s operation as a future, on the client's async executor. */
public final class AsyncManifestsResource {

  private final ManifestsResource sync;
  private final AsyncRunner runner;

  AsyncManifestsResource(ManifestsResource sync, AsyncRunner runner) {
    this.sync = sync;
    this.runner = runner;
  }

  public CompletableFuture<WorldJob> create(CreateWorldManifestRequest request) {
    return create(request, RequestOptions.none());
  }

  public CompletableFuture<WorldJob> create(
      CreateWorldManifestRequest request, RequestOptions options) {
    return runner.submit(() -> sync.create(request, options));
  }
}
