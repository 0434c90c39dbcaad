package dev.worldsapi.client.errors;

import org.jspecify.annotations.Nullable;

/**
 * Root of every exception the Worlds client throws. Unchecked. Messages never contain the bearer
 * token or any request header.
 */
public class WorldsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public WorldsException(String message) {
    super(message);
  }

  public WorldsException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
