package dev.worldsapi.client.errors;

/** HTTP 400: the request was invalid. */
public final class BadRequestException extends WorldsServiceException {

  private static final long serialVersionUID = 1L;

  public BadRequestException(ErrorResponse response) {
    super(response);
  }

  public BadRequestException(ErrorResponse response, int attempts) {
    super(response, attempts);
  }
}
