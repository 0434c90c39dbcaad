package dev.worldsapi.client;

import java.time.Clock;

/**
 * The client's operations as {@link java.util.concurrent.CompletableFuture}s: the same methods,
 * pipeline, retries and exceptions, run on the executor set with {@link
 * WorldsClient.Builder#asyncExecutor(java.util.concurrent.Executor)} (by default daemon threads of
 * the client's own). Cancelling a future cancels its HTTP exchange; waits hold no thread between
 * polls. Thread-safe.
 *
 * <pre>{@code
 * client.async().manifests().create(new CreateWorldManifestRequest())
 *     .thenCompose(job -> client.async().jobs().waitFor(job.getId()))
 *     .thenAccept(done -> System.out.println(done.getStatus()));
 * }</pre>
 */
public final class WorldsAsyncClient {

  private final WorldsWorkspace workspace;
  private final AsyncRunner runner;
  private final Clock clock;

  WorldsAsyncClient(WorldsWorkspace workspace, AsyncRunner runner, Clock clock) {
    this.workspace = workspace;
    this.runner = runner;
    this.clock = clock;
  }

  public AsyncJobsResource jobs() {
    return new AsyncJobsResource(workspace.jobs(), runner, clock);
  }

  public AsyncManifestsResource manifests() {
    return new AsyncManifestsResource(workspace.manifests(), runner);
  }

  public AsyncTrajectoriesResource trajectories() {
    return new AsyncTrajectoriesResource(workspace.trajectories(), runner);
  }
}
