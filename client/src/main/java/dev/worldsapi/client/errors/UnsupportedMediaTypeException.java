package dev.worldsapi.client.errors;

/** HTTP 415: the request body was not sent as JSON. */
public final class UnsupportedMediaTypeException extends WorldsServiceException {

  private static final long serialVersionUID = 1L;

  public UnsupportedMediaTypeException(ErrorResponse response) {
    super(response);
  }

  public UnsupportedMediaTypeException(ErrorResponse response, int attempts) {
    super(response, attempts);
  }
}
