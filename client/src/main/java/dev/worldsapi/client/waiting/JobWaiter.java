package dev.worldsapi.client.waiting;

import dev.worldsapi.client.errors.RateLimitException;
import dev.worldsapi.client.errors.WorldsException;
import dev.worldsapi.client.model.WorldJob;
import dev.worldsapi.client.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * Polls a job until it reaches a terminal status ({@code completed}, {@code failed} or {@code
 * cancelled}) and returns its record; tell the outcomes apart with {@code job.getStatus().known()}
 * or {@code job.getStatus().equals(JobStatus.COMPLETED)}. Immutable and thread-safe; the {@code
 * with…} methods return changed copies.
 *
 * <p>Defaults: a poll every 5 s, as the Worlds CLI does, for at most 10 minutes. A timeout throws
 * {@link JobWaitTimeoutException} and does not cancel the job. A 429 while polling waits for the
 * server's {@code Retry-After}, or doubles the poll interval for each 429 in a row, and goes on.
 * Any other failure reaches the caller.
 *
 * <pre>{@code
 * WorldJob job = client.manifests().create(new CreateWorldManifestRequest().preset(PresetEnum.SMALL));
 * WorldJob done = client.jobs().waiter().withTimeout(Duration.ofMinutes(2)).waitFor(job.getId());
 * if (!done.getStatus().equals(JobStatus.COMPLETED)) { ... done.getError() ... }
 * }</pre>
 */
public final class JobWaiter {

  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration MAX_RATE_LIMIT_WAIT = Duration.ofMinutes(1);

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
    if (pollInterval == null || pollInterval.isZero() || pollInterval.isNegative()) {
      throw new IllegalArgumentException("pollInterval must be positive, got " + pollInterval);
    }
    return new JobWaiter(getJob, pollInterval, timeout, clock, sleeper);
  }

  /** A waiter giving up after this long. */
  public JobWaiter withTimeout(Duration timeout) {
    if (timeout == null || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be zero or more, got " + timeout);
    }
    return new JobWaiter(getJob, pollInterval, timeout, clock, sleeper);
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
   * @throws WorldsException when polling fails other than by a 429
   */
  public WorldJob waitFor(String jobId) {
    Instant deadline = clock.instant().plus(timeout);
    WorldJob last = null;
    int rateLimitedInARow = 0;
    while (true) {
      Duration wait;
      try {
        last = getJob.apply(jobId);
        rateLimitedInARow = 0;
        if (last.getStatus() != null && last.getStatus().isTerminal()) {
          return last;
        }
        wait = pollInterval;
      } catch (RateLimitException e) {
        rateLimitedInARow++;
        wait = e.retryAfter().orElse(backoff(rateLimitedInARow));
        if (last == null && !clock.instant().plus(wait).isBefore(deadline)) {
          throw e;
        }
      }
      Duration left = Duration.between(clock.instant(), deadline);
      if (left.isZero() || left.isNegative()) {
        if (last == null) {
          throw new WorldsException("job " + jobId + " could not be read within " + timeout);
        }
        throw new JobWaitTimeoutException(last, timeout);
      }
      // The last poll happens at the deadline, so a job that ends just in time is seen.
      sleeper.sleepFor(wait.compareTo(left) < 0 ? wait : left, "for a job");
    }
  }

  private Duration backoff(int rateLimitedInARow) {
    Duration doubled = pollInterval.multipliedBy(1L << Math.min(rateLimitedInARow, 16));
    return doubled.compareTo(MAX_RATE_LIMIT_WAIT) < 0 ? doubled : MAX_RATE_LIMIT_WAIT;
  }
}
