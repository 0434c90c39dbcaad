package dev.worldsapi.client.errors;

import org.jspecify.annotations.Nullable;

/**
 * Root of every exception the Worlds client throws. Unchecked. Messages never contain the bearer
 * token or any request header.
 */
public class WorldsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int attempts;

  public WorldsException(String message) {
    this(message, null, 1);
  }

  public WorldsException(String message, @Nullable Throwable cause) {
    this(message, cause, 1);
  }

  /**
   * @param attempts how many HTTP requests the call sent before this was thrown
   */
  public WorldsException(String message, @Nullable Throwable cause, int attempts) {
    super(message, cause);
    this.attempts = attempts;
  }

  /**
   * How many HTTP requests the call sent, retries included, before this was thrown: 1 for a call
   * that was not retried.
   */
  public int attempts() {
    return attempts;
  }
}
