package dev.worldsapi.client.errors;

/** HTTP 413: the request body is over the server's limit. */
public final class PayloadTooLargeException extends WorldsServiceException {

  private static final long serialVersionUID = 1L;

  public PayloadTooLargeException(ErrorResponse response) {
    super(response);
  }

  public PayloadTooLargeException(ErrorResponse response, int attempts) {
    super(response, attempts);
  }
}
