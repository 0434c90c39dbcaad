package dev.worldsapi.reference;

import dev.worldsapi.server.errors.WorldsApiException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes the next API requests fail as a real deployment sometimes does, so that clients can be
 * tested against 429, 500, 502 and 504: the reference server itself never rate-limits, fails, or
 * sits behind a gateway. Off until {@link #failNext(int, int)} is called. Thread-safe.
 */
@Priority(Priorities.USER)
public final class SimulatedFailures implements ContainerRequestFilter {

  private final AtomicInteger status = new AtomicInteger();
  private volatile Duration retryAfter = Duration.ofSeconds(1);
  private final AtomicInteger remaining = new AtomicInteger();

  /**
   * The next {@code times} authenticated API requests answer {@code status}: 429 (with {@code
   * Retry-After: 1}), 500 (through the unexpected-failure path, with a request id), 502 or 504.
   *
   * @throws IllegalArgumentException for any other status
   */
  public void failNext(int status, int times) {
    failNext(status, times, Duration.ofSeconds(1));
  }

  /** As {@link #failNext(int, int)}, with a 429's {@code Retry-After}. */
  public void failNext(int status, int times, Duration retryAfter) {
    if (status != 429 && status != 500 && status != 502 && status != 504) {
      throw new IllegalArgumentException("can simulate 429, 500, 502 and 504, not " + status);
    }
    this.status.set(status);
    this.retryAfter = retryAfter;
    this.remaining.set(times);
  }

  /** Stops simulating failures. */
  public void clear() {
    remaining.set(0);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    // Jersey gives the path without its leading slash, RESTEasy with it.
    String path = request.getUriInfo().getPath();
    if (!(path.startsWith("/") ? path.substring(1) : path).startsWith("api/")
        || remaining.getAndUpdate(n -> Math.max(0, n - 1)) <= 0) {
      return;
    }
    switch (status.get()) {
      case 429 -> throw WorldsApiException.rateLimited("Rate limited", retryAfter);
      case 502 ->
          throw new WorldsApiException(502, "bad_gateway", "Bad gateway", List.of(), Map.of());
      case 504 ->
          throw new WorldsApiException(
              504, "gateway_timeout", "Gateway timeout", List.of(), Map.of());
      default -> throw new IllegalStateException("simulated failure");
    }
  }
}
