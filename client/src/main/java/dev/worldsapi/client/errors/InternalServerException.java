package dev.worldsapi.client.errors;

/** HTTP 500: the server failed. */
public final class InternalServerException extends WorldsServiceException {

  private static final long serialVersionUID = 1L;

  public InternalServerException(ErrorResponse response) {
    super(response);
  }

  public InternalServerException(ErrorResponse response, int attempts) {
    super(response, attempts);
  }
}
