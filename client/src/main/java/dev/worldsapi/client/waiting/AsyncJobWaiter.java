package dev.worldsapi.client.waiting;

import dev.worldsapi.client.model.WorldJob;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * {@link JobWaiter}'s waiting, without a thread held between polls: each poll is scheduled, and the
 * returned future completes with the terminal job, a {@link JobWaitTimeoutException}, or the
 * failure that ended the wait. Cancelling the future stops the polls. The same defaults and rules
 * as {@link JobWaiter}. Immutable and thread-safe.
 */
public final class AsyncJobWaiter {

  private final Function<String, CompletableFuture<WorldJob>> getJob;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final Duration pollInterval;
  private final Duration timeout;

  /**
   * @param getJob reads a job by id without blocking (for example {@code
   *     client.async().jobs()::get})
   */
  public AsyncJobWaiter(
      Function<String, CompletableFuture<WorldJob>> getJob,
      ScheduledExecutorService scheduler,
      Clock clock) {
    this(getJob, scheduler, clock, JobWaiter.DEFAULT_POLL_INTERVAL, JobWaiter.DEFAULT_TIMEOUT);
  }

  private AsyncJobWaiter(
      Function<String, CompletableFuture<WorldJob>> getJob,
      ScheduledExecutorService scheduler,
      Clock clock,
      Duration pollInterval,
      Duration timeout) {
    this.getJob = getJob;
    this.scheduler = scheduler;
    this.clock = clock;
    this.pollInterval = pollInterval;
    this.timeout = timeout;
  }

  /** A waiter polling at this interval. */
  public AsyncJobWaiter withPollInterval(Duration pollInterval) {
    return new AsyncJobWaiter(
        getJob, scheduler, clock, WaitState.checkedPollInterval(pollInterval), timeout);
  }

  /** A waiter giving up after this long. */
  public AsyncJobWaiter withTimeout(Duration timeout) {
    return new AsyncJobWaiter(
        getJob, scheduler, clock, pollInterval, WaitState.checkedTimeout(timeout));
  }

  /** Polls until the job is terminal; see {@link JobWaiter#waitFor(String)}. */
  public CompletableFuture<WorldJob> waitFor(String jobId) {
    CompletableFuture<WorldJob> result = new CompletableFuture<>();
    AtomicReference<ScheduledFuture<?>> next = new AtomicReference<>();
    AtomicReference<CompletableFuture<WorldJob>> inFlight = new AtomicReference<>();
    result.whenComplete(
        (job, failure) -> {
          // A cancelled or finished wait polls no more.
          ScheduledFuture<?> scheduled = next.get();
          if (scheduled != null) {
            scheduled.cancel(false);
          }
          CompletableFuture<WorldJob> poll = inFlight.get();
          if (poll != null) {
            poll.cancel(true);
          }
        });
    poll(jobId, new WaitState(jobId, pollInterval, timeout, clock), result, next, inFlight);
    return result;
  }

  private void poll(
      String jobId,
      WaitState state,
      CompletableFuture<WorldJob> result,
      AtomicReference<ScheduledFuture<?>> next,
      AtomicReference<CompletableFuture<WorldJob>> inFlight) {
    if (result.isDone()) {
      return;
    }
    CompletableFuture<WorldJob> poll = getJob.apply(jobId);
    inFlight.set(poll);
    poll.whenComplete(
        (job, failure) -> {
          try {
            Duration wait;
            if (failure == null) {
              Optional<WorldJob> done = state.polled(job);
              if (done.isPresent()) {
                result.complete(done.get());
                return;
              }
              wait = state.pollInterval();
            } else {
              wait = state.failed(unwrapped(failure));
            }
            Duration delay = state.nextPoll(wait);
            next.set(
                scheduler.schedule(
                    () -> poll(jobId, state, result, next, inFlight),
                    delay.toNanos(),
                    TimeUnit.NANOSECONDS));
          } catch (RuntimeException ended) {
            result.completeExceptionally(ended);
          }
        });
  }

  private static RuntimeException unwrapped(Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    return cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
  }
}
