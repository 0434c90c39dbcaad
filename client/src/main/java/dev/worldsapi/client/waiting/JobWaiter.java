package dev.worldsapi.client.waiting;

import dev.worldsapi.client.model.WorldJob;
import dev.worldsapi.client.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Polls a job until it reaches a terminal status ({@code completed}, {@code failed} or {@code
 * cancelled}) and returns its record; tell the outcomes apart with {@code job.status().known()} or
 * {@code job.status().equals(JobStatus.COMPLETED)}. Immutable and thread-safe; the {@code with…}
 * methods return changed copies.
 *
 * <p>Defaults: a poll every 5 s, as the Worlds CLI does, for at most 10 minutes. A timeout throws
 * {@link JobWaitTimeoutException} and does not cancel the job. A 429 while polling waits for the
 * server's {@code Retry-After}, or doubles the poll interval for each 429 in a row, and goes on.
 * Any other failure reaches the caller.
 *
 * <pre>{@code
 * WorldJob job = client.manifests().create(CreateWorldManifestRequest.builder().preset(PresetEnum.SMALL).build());
 * WorldJob done = client.jobs().waiter().withTimeout(Duration.ofMinutes(2)).waitFor(job.id());
 * if (!done.status().equals(JobStatus.COMPLETED)) { ... done.error() ... }
 * }</pre>
 */
public final class JobWaiter {

  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  private final Function<String, WorldJob> getJob;
  private final Duration pollInterval;
  private final Duration timeout;
  private final Clock clock;
  private final Sleeper sleeper;

  /**
   * @param getJob fetches a job by id (for example {@code client.jobs()::get})
   */
  public JobWaiter(Function<String, WorldJob> getJob, Clock clock, Sleeper sleeper) {
    this(getJob, DEFAULT_POLL_INTERVAL, DEFAULT_TIMEOUT, clock, sleeper);
  }

  private JobWaiter(
      Function<String, WorldJob> getJob,
      Duration pollInterval,
      Duration timeout,
      Clock clock,
      Sleeper sleeper) {
    this.getJob = getJob;
    this.pollInterval = pollInterval;
    this.timeout = timeout;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** A waiter polling at this interval. */
  public JobWaiter withPollInterval(Duration pollInterval) {
    return new JobWaiter(
        getJob, WaitState.checkedPollInterval(pollInterval), timeout, clock, sleeper);
  }

  /** A waiter giving up after this long. */
  public JobWaiter withTimeout(Duration timeout) {
    return new JobWaiter(getJob, pollInterval, WaitState.checkedTimeout(timeout), clock, sleeper);
  }

  public Duration pollInterval() {
    return pollInterval;
  }

  public Duration timeout() {
    return timeout;
  }

  /**
   * Polls until the job is terminal and returns it.
   *
   * @throws JobWaitTimeoutException when the job is still not terminal at the timeout
   * @throws dev.worldsapi.client.errors.WorldsException when polling fails other than by a 429
   */
  public WorldJob waitFor(String jobId) {
    WaitState state = new WaitState(jobId, pollInterval, timeout, clock);
    while (true) {
      Duration wait;
      try {
        Optional<WorldJob> done = state.polled(getJob.apply(jobId));
        if (done.isPresent()) {
          return done.get();
        }
        wait = pollInterval;
      } catch (RuntimeException failure) {
        wait = state.failed(failure);
      }
      sleeper.sleepFor(state.nextPoll(wait), "for a job");
    }
  }
}
