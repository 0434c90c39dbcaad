package dev.worldsapi.client.errors;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * HTTP 429: rate limited. Thrown once the client's retries are used up or when the server asks for
 * a longer wait than the retry policy allows.
 */
public final class RateLimitException extends WorldsServiceException {

  private static final long serialVersionUID = 1L;

  private final transient Duration retryAfter;

  /**
   * @param retryAfter how long the server asked to wait (from {@code Retry-After}), or {@code null}
   *     when it did not say
   */
  public RateLimitException(ErrorResponse response, @Nullable Duration retryAfter) {
    this(response, retryAfter, 1);
  }

  public RateLimitException(ErrorResponse response, @Nullable Duration retryAfter, int attempts) {
    super(response, attempts);
    this.retryAfter = retryAfter;
  }

  /** How long the server asked to wait before retrying, when it said ({@code Retry-After}). */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
