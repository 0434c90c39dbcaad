package dev.worldsapi.client;

import dev.worldsapi.client.model.CreateWorldTrajectoryRequest;
import dev.worldsapi.client.model.WorldJob;
import java.util.concurrent.CompletableFuture;

/** {@link TrajectoriesResource}'s operation as a future, on the client's async executor. */
public final class AsyncTrajectoriesResource {

  private final TrajectoriesResource sync;
  private final AsyncRunner runner;

  AsyncTrajectoriesResource(TrajectoriesResource sync, AsyncRunner runner) {
    this.sync = sync;
    this.runner = runner;
  }

  public CompletableFuture<WorldJob> create(CreateWorldTrajectoryRequest request) {
    return create(request, RequestOptions.none());
  }

  public CompletableFuture<WorldJob> create(
      CreateWorldTrajectoryRequest request, RequestOptions options) {
    return runner.submit(() -> sync.create(request, options));
  }
}
