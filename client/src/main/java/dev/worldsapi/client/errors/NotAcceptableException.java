package dev.worldsapi.client.errors;

/** HTTP 406: the request's {@code Accept} excludes JSON, the only type the API answers. */
public final class NotAcceptableException extends WorldsServiceException {

  private static final long serialVersionUID = 1L;

  public NotAcceptableException(ErrorResponse response) {
    super(response);
  }

  public NotAcceptableException(ErrorResponse response, int attempts) {
    super(response, attempts);
  }
}
