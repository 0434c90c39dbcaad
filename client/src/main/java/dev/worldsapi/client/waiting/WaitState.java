package dev.worldsapi.client.waiting;

import dev.worldsapi.client.errors.RateLimitException;
import dev.worldsapi.client.errors.WorldsException;
import dev.worldsapi.client.model.WorldJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The decisions of waiting for one job, shared by the blocking and the scheduled waiter: after each
 * poll, whether the wait is over (the job, or why not) or how long until the next poll. Not
 * thread-safe: one per wait, used by one poll at a time.
 */
final class WaitState {

  private static final Duration MAX_RATE_LIMIT_WAIT = Duration.ofMinutes(1);

  private final String jobId;
  private final Duration pollInterval;
  private final Duration timeout;
  private final Clock clock;
  private final Instant deadline;
  private WorldJob last;
  private int rateLimitedInARow;

  WaitState(String jobId, Duration pollInterval, Duration timeout, Clock clock) {
    this.jobId = jobId;
    this.pollInterval = pollInterval;
    this.timeout = timeout;
    this.clock = clock;
    this.deadline = clock.instant().plus(timeout);
  }

  /**
   * After a poll that read the job: the job when it is terminal, else empty and {@link #nextPoll()}
   * says when to poll again.
   */
  Optional<WorldJob> polled(WorldJob job) {
    last = job;
    rateLimitedInARow = 0;
    return job.status().isTerminal() ? Optional.of(job) : Optional.empty();
  }

  /**
   * After a poll that failed: a 429 waits for its {@code Retry-After} or doubles the interval;
   * anything else, or a 429 that leaves no time before the deadline when no poll has read the job,
   * is rethrown.
   */
  Duration failed(RuntimeException failure) {
    if (!(failure instanceof RateLimitException limited)) {
      throw failure;
    }
    rateLimitedInARow++;
    Duration wait = limited.retryAfter().orElse(backoff(rateLimitedInARow));
    if (last == null && !clock.instant().plus(wait).isBefore(deadline)) {
      throw failure;
    }
    return wait;
  }

  /**
   * How long until the next poll, given how long this poll's answer asked to wait; the last poll
   * happens at the deadline, so a job that ends just in time is seen.
   *
   * @throws JobWaitTimeoutException when the deadline has passed
   */
  Duration nextPoll(Duration wait) {
    Duration left = Duration.between(clock.instant(), deadline);
    if (left.isZero() || left.isNegative()) {
      if (last == null) {
        throw new WorldsException("job " + jobId + " could not be read within " + timeout);
      }
      throw new JobWaitTimeoutException(last, timeout);
    }
    return wait.compareTo(left) < 0 ? wait : left;
  }

  Duration pollInterval() {
    return pollInterval;
  }

  /** The poll interval a waiter is given, checked: positive. */
  static Duration checkedPollInterval(Duration pollInterval) {
    if (pollInterval == null || pollInterval.isZero() || pollInterval.isNegative()) {
      throw new IllegalArgumentException("pollInterval must be positive, got " + pollInterval);
    }
    return pollInterval;
  }

  /** The timeout a waiter is given, checked: zero or more. */
  static Duration checkedTimeout(Duration timeout) {
    if (timeout == null || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be zero or more, got " + timeout);
    }
    return timeout;
  }

  private Duration backoff(int rateLimitedInARow) {
    Duration doubled = pollInterval.multipliedBy(1L << Math.min(rateLimitedInARow, 16));
    return doubled.compareTo(MAX_RATE_LIMIT_WAIT) < 0 ? doubled : MAX_RATE_LIMIT_WAIT;
  }
}
