package dev.worldsapi.reference;

import java.time.Duration;

/**
 * How long and how large a request may be before the HTTP engine gives up on it, so that slow or
 * hostile clients cannot hold the server.
 *
 * @param headTimeout how long a request head (request line and headers) may take to arrive, from
 *     its first byte; past it the client is answered 408 and the connection closed
 * @param bodyTimeout how long a request body may take to arrive, from the end of its head; past it
 *     the client is answered 408 and the connection closed
 * @param idleTimeout how long a connection may stay silent: between requests, or while a read or
 *     write makes no progress at all
 * @param maxHeadBytes the largest request head; a longer request line is answered 414, larger
 *     headers 431
 */
public record ConnectionLimits(
    Duration headTimeout, Duration bodyTimeout, Duration idleTimeout, int maxHeadBytes) {

  /** Fit for a shared test host: generous to slow networks, short enough to shed a stalled one. */
  public static final ConnectionLimits DEFAULTS =
      new ConnectionLimits(
          Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30), 16 * 1024);

  /** The smallest head allowed: a request line and the headers every request carries. */
  public static final int MIN_HEAD_BYTES = 1024;

  /**
   * @throws IllegalArgumentException for a timeout that is not positive, or a head limit under
   *     {@value #MIN_HEAD_BYTES} bytes
   */
  public ConnectionLimits {
    positive("headTimeout", headTimeout);
    positive("bodyTimeout", bodyTimeout);
    positive("idleTimeout", idleTimeout);
    if (maxHeadBytes < MIN_HEAD_BYTES) {
      throw new IllegalArgumentException(
          "maxHeadBytes must be " + MIN_HEAD_BYTES + " or more, got " + maxHeadBytes);
    }
  }

  private static void positive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }
}
