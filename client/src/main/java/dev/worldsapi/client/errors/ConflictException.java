package dev.worldsapi.client.errors;

/**
 * HTTP 409: the request conflicts with the resource's state, e.g. cancelling a job that already
 * ended.
 */
public final class ConflictException extends WorldsServiceException {

  private static final long serialVersionUID = 1L;

  public ConflictException(ErrorResponse response) {
    super(response);
  }

  public ConflictException(ErrorResponse response, int attempts) {
    super(response, attempts);
  }
}
