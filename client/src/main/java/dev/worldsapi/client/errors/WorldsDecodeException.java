package dev.worldsapi.client.errors;

import org.jspecify.annotations.Nullable;

/**
 * A successful (2xx) response whose body could not be read as the type the spec promises, such as
 * truncated JSON.
 */
public final class WorldsDecodeException extends WorldsException {

  private static final long serialVersionUID = 1L;

  public WorldsDecodeException(String message, @Nullable Throwable cause) {
    this(message, cause, 1);
  }

  public WorldsDecodeException(String message, @Nullable Throwable cause, int attempts) {
    super(message, cause, attempts);
  }
}
