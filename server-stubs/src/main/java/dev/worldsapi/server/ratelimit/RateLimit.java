package dev.worldsapi.server.ratelimit;

import java.time.Duration;

/**
 * A limit on each caller's requests: at most {@code requests} in a window of {@code window},
 * counted from the caller's first request of the window. Past it, the caller is answered 429 until
 * the window ends. Immutable.
 *
 * @param requests how many requests a caller may send in a window; 1 or more
 * @param window how long a window lasts; a whole number of seconds, 1 s or more
 */
public record RateLimit(int requests, Duration window) {

  /** The policy's name in {@code RateLimit-Policy} and {@code RateLimit}. */
  public static final String POLICY = "per-caller";

  public RateLimit {
    if (requests < 1) {
      throw new IllegalArgumentException("a rate limit allows 1 request or more, got " + requests);
    }
    if (window == null
        || window.compareTo(Duration.ofSeconds(1)) < 0
        || window.toMillis() % 1000 != 0) {
      throw new IllegalArgumentException(
          "a rate limit's window is a whole number of seconds, 1 or more, got " + window);
    }
  }

  /**
   * {@code REQUESTS/SECONDS}, e.g. {@code 100/60}: at most 100 requests in 60 seconds.
   *
   * @throws IllegalArgumentException for anything else, with a sentence saying the form
   */
  public static RateLimit parse(String text) {
    String[] parts = text.strip().split("/", -1);
    try {
      if (parts.length == 2) {
        return new RateLimit(
            Integer.parseInt(parts[0].strip()),
            Duration.ofSeconds(Long.parseLong(parts[1].strip())));
      }
    } catch (NumberFormatException notNumbers) {
      // Said below.
    }
    throw new IllegalArgumentException(
        "a rate limit is REQUESTS/SECONDS, such as 100/60, got \"" + text + "\"");
  }

  /** {@code "per-caller";q=100;w=60}: the {@code RateLimit-Policy} header's value. */
  public String policyHeader() {
    return '"' + POLICY + "\";q=" + requests + ";w=" + window.toSeconds();
  }

  @Override
  public String toString() {
    return requests + "/" + window.toSeconds();
  }
}
