package dev.worldsapi.client.errors;

/** The response did not arrive within the read timeout. The server may still act on the request. */
public final class WorldsTimeoutException extends WorldsTransportException {

  private static final long serialVersionUID = 1L;

  public WorldsTimeoutException(String message, Throwable cause) {
    this(message, cause, 1);
  }

  public WorldsTimeoutException(String message, Throwable cause, int attempts) {
    super(message, cause, true, attempts);
  }
}
