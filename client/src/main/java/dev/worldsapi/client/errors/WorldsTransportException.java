package dev.worldsapi.client.errors;

/**
 * No complete HTTP answer arrived: the connection was refused or reset, the response was malformed,
 * or it did not arrive within the read timeout. {@link #getCause()} is the underlying {@link
 * java.io.IOException} or timeout.
 */
public class WorldsTransportException extends WorldsException {

  private static final long serialVersionUID = 1L;

  private final boolean requestSent;

  /**
   * @param requestSent {@code false} only when the request certainly never reached the server (the
   *     connection was refused or could not be made), so repeating it cannot act twice
   */
  public WorldsTransportException(String message, Throwable cause, boolean requestSent) {
    this(message, cause, requestSent, 1);
  }

  public WorldsTransportException(
      String message, Throwable cause, boolean requestSent, int attempts) {
    super(message, cause, attempts);
    this.requestSent = requestSent;
  }

  /**
   * Whether the server may have received the request. {@code false} means it certainly did not;
   * {@code true} means it may have acted on it (a reset or timeout after sending).
   */
  public boolean requestMayHaveBeenSent() {
    return requestSent;
  }
}
