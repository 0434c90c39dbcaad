package dev.worldsapi.server.ratelimit;

import dev.worldsapi.server.auth.Caller;
import dev.worldsapi.server.auth.CurrentCaller;
import dev.worldsapi.server.errors.ErrorResponses;
import dev.worldsapi.server.errors.ErrorTypes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds each caller to a {@link RateLimit}: counts the authenticated caller's requests in its
 * current window, answers 429 with {@code Retry-After} past the limit, and tells every caller where
 * it stands on every answer ({@code RateLimit-Policy}, {@code RateLimit}; IETF
 * draft-ietf-httpapi-ratelimit-headers-10). Requests without a caller (public paths, or refused by
 * authentication first) are not counted. Thread-safe; state lives in memory, per instance.
 */
@PreMatching
public final class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

  private static final String STANDING = RateLimitFilter.class.getName() + ".standing";

  /** Windows kept before those that have ended are dropped. */
  private static final int PURGE_AT = 10_000;

  private final RateLimit limit;
  private final Clock clock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  public RateLimitFilter(RateLimit limit, Clock clock) {
    this.limit = limit;
    this.clock = clock;
  }

  /** Where a caller stands after a request: what is left, and when the window resets. */
  private record Standing(int remaining, long resetSeconds) {}

  /** One caller's window: when it started and how many requests it has had. */
  private static final class Window {
    private Instant start;
    private int used;

    Window(Instant start) {
      this.start = start;
    }
  }

  @Override
  public void filter(ContainerRequestContext request) {
    Caller caller = CurrentCaller.get().orElse(null);
    if (caller == null) {
      return;
    }
    Instant now = clock.instant();
    if (windows.size() > PURGE_AT) {
      windows.values().removeIf(w -> ended(w, now));
    }
    Window window = windows.computeIfAbsent(caller.id(), id -> new Window(now));
    Standing standing;
    boolean refused;
    synchronized (window) {
      if (ended(window, now)) {
        window.start = now;
        window.used = 0;
      }
      refused = window.used >= limit.requests();
      if (!refused) {
        window.used++;
      }
      long resetMillis = window.start.plus(limit.window()).toEpochMilli() - now.toEpochMilli();
      standing =
          new Standing(limit.requests() - window.used, Math.max(1, (resetMillis + 999) / 1000));
    }
    request.setProperty(STANDING, standing);
    if (refused) {
      request.abortWith(
          ErrorResponses.envelope(
              429,
              ErrorTypes.of(429),
              "Rate limited: at most "
                  + limit.requests()
                  + " requests in "
                  + limit.window().toSeconds()
                  + " s for each caller; retry after "
                  + standing.resetSeconds()
                  + " s",
              java.util.List.of(),
              Map.of("Retry-After", Long.toString(standing.resetSeconds()))));
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(STANDING) instanceof Standing standing) {
      response.getHeaders().putSingle("RateLimit-Policy", limit.policyHeader());
      response
          .getHeaders()
          .putSingle(
              "RateLimit",
              '"'
                  + RateLimit.POLICY
                  + "\";r="
                  + standing.remaining()
                  + ";t="
                  + standing.resetSeconds());
    }
  }

  private boolean ended(Window window, Instant now) {
    return !now.isBefore(window.start.plus(limit.window()));
  }
}
