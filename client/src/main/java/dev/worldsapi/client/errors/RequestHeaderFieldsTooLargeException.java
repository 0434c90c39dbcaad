package dev.worldsapi.client.errors;

/** HTTP 431: the request's headers are over the server's limit. */
public final class RequestHeaderFieldsTooLargeException extends WorldsServiceException {

  private static final long serialVersionUID = 1L;

  public RequestHeaderFieldsTooLargeException(ErrorResponse response) {
    super(response);
  }

  public RequestHeaderFieldsTooLargeException(ErrorResponse response, int attempts) {
    super(response, attempts);
  }
}
