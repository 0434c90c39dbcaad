package dev.worldsapi.client;

import dev.worldsapi.client.model.WorldJob;
import dev.worldsapi.client.paging.Page;
import dev.worldsapi.client.waiting.AsyncJobWaiter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * {@link JobsResource}'s operations as futures, on the client's async executor; cancelling a future
 * cancels its HTTP exchange. Failures complete the future with the same exceptions the blocking
 * calls throw. Thread-safe.
 */
public final class AsyncJobsResource {

  private final JobsResource jobs;
  private final AsyncRunner runner;
  private final Clock clock;

  AsyncJobsResource(JobsResource jobs, AsyncRunner runner, Clock clock) {
    this.jobs = jobs;
    this.runner = runner;
    this.clock = clock;
  }

  public CompletableFuture<Page<WorldJob>> list(JobFilter filter) {
    return runner.submit(() -> jobs.list(filter));
  }

  public CompletableFuture<Page<WorldJob>> list(
      JobFilter filter, int page, int pageSize, RequestOptions options) {
    return runner.submit(() -> jobs.list(filter, page, pageSize, options));
  }

  public CompletableFuture<WorldJob> get(String jobId) {
    return get(jobId, RequestOptions.none());
  }

  public CompletableFuture<WorldJob> get(String jobId, RequestOptions options) {
    return runner.submit(() -> jobs.get(jobId, options));
  }

  public CompletableFuture<WorldJob> cancel(String jobId) {
    return cancel(jobId, RequestOptions.none());
  }

  public CompletableFuture<WorldJob> cancel(String jobId, RequestOptions options) {
    return runner.submit(() -> jobs.cancel(jobId, options));
  }

  /**
   * Every matching job, handed to {@code action} in order as the pages arrive, 100 to a page, on
   * the async executor; completes when the listing ends, exceptionally as {@link
   * JobsResource#listAll(JobFilter)} would throw. Cancelling it stops the listing at its next page.
   */
  public CompletableFuture<Void> forEach(JobFilter filter, Consumer<? super WorldJob> action) {
    return runner.submit(
        () -> {
          for (WorldJob job : jobs.listAll(filter)) {
            action.accept(job);
          }
          return null;
        });
  }

  /** Every matching job, as one list; see {@link #forEach(JobFilter, Consumer)}. */
  public CompletableFuture<List<WorldJob>> listAll(JobFilter filter) {
    return runner.submit(() -> jobs.listAll(filter).stream().toList());
  }

  /** Waits with the default waiter (5 s polls, 10 minutes), holding no thread between polls. */
  public CompletableFuture<WorldJob> waitFor(String jobId) {
    return waiter().waitFor(jobId);
  }

  /** The waiter behind {@link #waitFor(String)}, to change its poll interval or timeout. */
  public AsyncJobWaiter waiter() {
    // Made here, not with the resource, so that the scheduler thread exists only once waited on.
    return new AsyncJobWaiter(this::get, runner.scheduler(), clock);
  }
}
