package dev.worldsapi.reference.controls;

import java.time.Duration;
import java.util.Objects;

/**
 * What an armed request meets instead of (or before) its normal answer: a status a real deployment
 * sometimes answers (429, 500, 502, 504), a delay, or a connection closed without an answer.
 * Immutable; arm one with {@link Faults#arm(Fault, int)}.
 */
public final class Fault {

  /** What kind of fault. */
  public enum Kind {
    /** 429 with {@code Retry-After}, in the error envelope. */
    RATE_LIMITED,
    /** 500 in the error envelope, with an {@code X-Request-Id}, as an unexpected failure. */
    INTERNAL_ERROR,
    /** 502 in the error envelope, as a gateway in front of the API answers. */
    BAD_GATEWAY,
    /** 504 in the error envelope, as a gateway in front of the API answers. */
    GATEWAY_TIMEOUT,
    /** The normal answer, after a delay. */
    DELAY,
    /** The connection is closed after the request is read, without a byte of answer. */
    DROP_CONNECTION
  }

  private final Kind kind;
  private final Duration duration;

  private Fault(Kind kind, Duration duration) {
    this.kind = kind;
    this.duration = duration;
  }

  /**
   * 429 with {@code Retry-After} in whole seconds: {@code retryAfter} rounded up, at least 1 (the
   * header cannot say less than a second).
   */
  public static Fault rateLimited(Duration retryAfter) {
    requireNonNegative("retryAfter", retryAfter);
    return new Fault(Kind.RATE_LIMITED, Duration.ofSeconds(Math.max(1, ceilSeconds(retryAfter))));
  }

  /** 500, as the server answers an unexpected failure (envelope and {@code X-Request-Id}). */
  public static Fault internalError() {
    return new Fault(Kind.INTERNAL_ERROR, Duration.ZERO);
  }

  /** 502, as a gateway in front of the API answers. */
  public static Fault badGateway() {
    return new Fault(Kind.BAD_GATEWAY, Duration.ZERO);
  }

  /** 504, as a gateway in front of the API answers. */
  public static Fault gatewayTimeout() {
    return new Fault(Kind.GATEWAY_TIMEOUT, Duration.ZERO);
  }

  /**
   * The normal answer after {@code delay} of real time, for a client's read timeout; at most 10
   * minutes. Clearing the faults (each test's reset does) ends the waits of requests still delayed
   * and closes their connections unanswered.
   */
  public static Fault delay(Duration delay) {
    requireNonNegative("delay", delay);
    if (delay.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException("a delay is at most 10 minutes, got " + delay);
    }
    return new Fault(Kind.DELAY, delay);
  }

  /** The connection closed once the request is read, with no answer at all. */
  public static Fault dropConnection() {
    return new Fault(Kind.DROP_CONNECTION, Duration.ZERO);
  }

  /**
   * The fault a status stands for: 429 (with {@code Retry-After: 1}), 500, 502 or 504.
   *
   * @throws IllegalArgumentException for any other status
   */
  public static Fault status(int status) {
    return switch (status) {
      case 429 -> rateLimited(Duration.ofSeconds(1));
      case 500 -> internalError();
      case 502 -> badGateway();
      case 504 -> gatewayTimeout();
      default ->
          throw new IllegalArgumentException(
              "can simulate the statuses 429, 500, 502 and 504, not " + status);
    };
  }

  public Kind kind() {
    return kind;
  }

  /** {@code Retry-After} for {@link Kind#RATE_LIMITED}, the wait for {@link Kind#DELAY}, else 0. */
  public Duration duration() {
    return duration;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Fault fault && fault.kind == kind && fault.duration.equals(duration);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, duration);
  }

  @Override
  public String toString() {
    return switch (kind) {
      case RATE_LIMITED -> "429 with Retry-After: " + duration.toSeconds();
      case INTERNAL_ERROR -> "500";
      case BAD_GATEWAY -> "502";
      case GATEWAY_TIMEOUT -> "504";
      case DELAY -> "a delay of " + duration.toMillis() + " ms";
      case DROP_CONNECTION -> "a dropped connection";
    };
  }

  private static long ceilSeconds(Duration duration) {
    return duration.toSeconds() + (duration.toNanosPart() > 0 ? 1 : 0);
  }

  private static void requireNonNegative(String name, Duration duration) {
    if (duration == null || duration.isNegative()) {
      throw new IllegalArgumentException(name + " must be zero or more, got " + duration);
    }
  }
}
