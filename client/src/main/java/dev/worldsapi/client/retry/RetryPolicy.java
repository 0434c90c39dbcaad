package dev.worldsapi.client.retry;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.jspecify.annotations.Nullable;

/**
 * When a failed request is tried again, and after how long. Immutable and thread-safe.
 *
 * <p>Defaults: 2 retries (3 attempts in all); exponential backoff from 500 ms, doubling, capped at
 * 8 s, with up to 25% jitter; a {@code Retry-After} of up to 60 s is honoured exactly, a longer one
 * ends the retries so the caller sees the {@link dev.worldsapi.client.errors.RateLimitException}
 * and its {@code retryAfter()}. Without {@code Retry-After}, a {@code RateLimit} header whose
 * policy has no requests left ({@code r=0;t=17}) asks for the same wait ({@link RetryAfter}).
 *
 * <p>What is retried: reads ({@code GET}), and writes that carry an {@code Idempotency-Key} (the
 * creates), after any I/O failure and on 408, 429, 502, 503 and 504: repeating them changes
 * nothing. Other writes ({@code POST} cancel) only when the server certainly did not act: on 429,
 * or when the connection could not be made. Such a write is never repeated after a reset or a
 * timeout once the request was sent, since the server may have acted on it.
 */
public final class RetryPolicy {

  private static final Set<String> IDEMPOTENT_METHODS =
      Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE");

  private final int maxRetries;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final double jitter;
  private final Duration maxRetryAfter;
  private final DoubleSupplier random;

  private RetryPolicy(Builder builder) {
    this.maxRetries = builder.maxRetries;
    this.initialBackoff = builder.initialBackoff;
    this.maxBackoff = builder.maxBackoff;
    this.jitter = builder.jitter;
    this.maxRetryAfter = builder.maxRetryAfter;
    this.random = builder.random;
  }

  public static RetryPolicy defaults() {
    return builder().build();
  }

  /** A policy that never retries. */
  public static RetryPolicy none() {
    return builder().maxRetries(0).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  public int maxRetries() {
    return maxRetries;
  }

  /**
   * After a response with a non-2xx status: the wait before retrying, or empty to give up and
   * report the response.
   *
   * @param retriesDone how many retries were already made for this call
   * @param retryAfterHeader the response's {@code Retry-After}, if any
   */
  public Optional<Duration> afterStatus(
      String method, int status, @Nullable String retryAfterHeader, int retriesDone, Instant now) {
    return afterStatus(isIdempotent(method), status, retryAfterHeader, retriesDone, now);
  }

  /**
   * As {@link #afterStatus(String, int, String, int, Instant)}, for a request known to be safe to
   * repeat or not.
   *
   * @param repeatable whether repeating the request changes nothing: an idempotent method, or a
   *     write with an {@code Idempotency-Key}
   */
  public Optional<Duration> afterStatus(
      boolean repeatable,
      int status,
      @Nullable String retryAfterHeader,
      int retriesDone,
      Instant now) {
    if (retriesDone >= maxRetries) {
      return Optional.empty();
    }
    boolean retryable =
        switch (status) {
          // Rate limited: the server turned the request away before acting on it, so any method may
          // repeat.
          case 429 -> true;
          // A gateway failed or the service is briefly unavailable: the request may have been
          // forwarded and acted on, so only idempotent methods repeat. A 408 says the request
          // arrived too slowly to be read whole: repeating it is safe for the same methods.
          case 408, 502, 503, 504 -> repeatable;
          // Any other status is the server's considered answer; repeating it would change nothing.
          default -> false;
        };
    if (!retryable) {
      return Optional.empty();
    }
    Optional<Duration> asked = RetryAfter.parse(retryAfterHeader, now);
    if (asked.isPresent()) {
      // The server said when; waiting longer than we allow is the caller's decision, not ours.
      return asked.get().compareTo(maxRetryAfter) <= 0 ? asked : Optional.empty();
    }
    return Optional.of(backoff(retriesDone));
  }

  /**
   * After an I/O failure (no complete response): the wait before retrying, or empty to give up.
   *
   * @param requestMayHaveBeenSent {@code false} only when the connection could not be made
   */
  public Optional<Duration> afterFailure(
      String method, boolean requestMayHaveBeenSent, int retriesDone) {
    return afterFailure(isIdempotent(method), requestMayHaveBeenSent, retriesDone);
  }

  /**
   * As {@link #afterFailure(String, boolean, int)}, for a request known to be safe to repeat or
   * not.
   *
   * @param repeatable whether repeating the request changes nothing: an idempotent method, or a
   *     write with an {@code Idempotency-Key}
   */
  public Optional<Duration> afterFailure(
      boolean repeatable, boolean requestMayHaveBeenSent, int retriesDone) {
    if (retriesDone >= maxRetries) {
      return Optional.empty();
    }
    // A request that never left cannot have been acted on; one that may have arrived is only
    // safe to repeat when repeating it changes nothing.
    if (!requestMayHaveBeenSent || repeatable) {
      return Optional.of(backoff(retriesDone));
    }
    return Optional.empty();
  }

  /**
   * {@code initialBackoff × 2^retriesDone}, capped at {@code maxBackoff}, less up to {@code jitter}
   * of it.
   */
  Duration backoff(int retriesDone) {
    double base =
        Math.min(
            initialBackoff.toNanos() * Math.pow(2, Math.min(retriesDone, 62)),
            (double) maxBackoff.toNanos());
    return Duration.ofNanos((long) (base * (1 - jitter * random.getAsDouble())));
  }

  /** Whether the method is idempotent, so repeating a request changes nothing. */
  public static boolean isIdempotent(String method) {
    return IDEMPOTENT_METHODS.contains(method);
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxRetries="
        + maxRetries
        + ", initialBackoff="
        + initialBackoff
        + ", maxBackoff="
        + maxBackoff
        + ", jitter="
        + jitter
        + ", maxRetryAfter="
        + maxRetryAfter
        + '}';
  }

  /** Builds a {@link RetryPolicy}; {@link #build()} rejects inconsistent settings. */
  public static final class Builder {

    private int maxRetries = 2;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(8);
    private double jitter = 0.25;
    private Duration maxRetryAfter = Duration.ofSeconds(60);
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

    private Builder() {}

    private Builder(RetryPolicy policy) {
      this.maxRetries = policy.maxRetries;
      this.initialBackoff = policy.initialBackoff;
      this.maxBackoff = policy.maxBackoff;
      this.jitter = policy.jitter;
      this.maxRetryAfter = policy.maxRetryAfter;
      this.random = policy.random;
    }

    /** Retries after the first attempt; 0 disables retrying. Default 2. */
    public Builder maxRetries(int maxRetries) {
      this.maxRetries = maxRetries;
      return this;
    }

    /** The wait before the first retry, doubled for each further one. Default 500 ms. */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = initialBackoff;
      return this;
    }

    /** The longest computed wait. Default 8 s. */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = maxBackoff;
      return this;
    }

    /** The largest fraction, 0 to 1, taken off a computed wait at random. Default 0.25. */
    public Builder jitter(double jitter) {
      this.jitter = jitter;
      return this;
    }

    /** The longest {@code Retry-After} honoured; a longer one ends the retries. Default 60 s. */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = maxRetryAfter;
      return this;
    }

    /** The source of jitter, uniform in [0, 1); replace it to make waits predictable in tests. */
    public Builder random(DoubleSupplier random) {
      this.random = random;
      return this;
    }

    public RetryPolicy build() {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries must be 0 or more, got " + maxRetries);
      }
      requirePositive("initialBackoff", initialBackoff);
      requirePositive("maxBackoff", maxBackoff);
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException(
            "maxBackoff ("
                + maxBackoff
                + ") must not be less than initialBackoff ("
                + initialBackoff
                + ")");
      }
      if (!(jitter >= 0 && jitter <= 1)) {
        throw new IllegalArgumentException("jitter must be between 0 and 1, got " + jitter);
      }
      if (maxRetryAfter == null || maxRetryAfter.isNegative()) {
        throw new IllegalArgumentException(
            "maxRetryAfter must be zero or more, got " + maxRetryAfter);
      }
      if (random == null) {
        throw new IllegalArgumentException("random is required");
      }
      return new RetryPolicy(this);
    }

    private static void requirePositive(String name, @Nullable Duration value) {
      if (value == null || value.isZero() || value.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, got " + value);
      }
    }
  }
}
