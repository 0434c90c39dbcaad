package dev.worldsapi.client.errors;

/** HTTP 414: the request line is over the server's limit. */
public final class UriTooLongException extends WorldsServiceException {

  private static final long serialVersionUID = 1L;

  public UriTooLongException(ErrorResponse response) {
    super(response);
  }

  public UriTooLongException(ErrorResponse response, int attempts) {
    super(response, attempts);
  }
}
