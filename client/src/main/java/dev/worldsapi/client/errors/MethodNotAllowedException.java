package dev.worldsapi.client.errors;

/**
 * HTTP 405: the path exists, but not with this method; {@code header("Allow")} lists those it has.
 */
public final class MethodNotAllowedException extends WorldsServiceException {

  private static final long serialVersionUID = 1L;

  public MethodNotAllowedException(ErrorResponse response) {
    super(response);
  }

  public MethodNotAllowedException(ErrorResponse response, int attempts) {
    super(response, attempts);
  }
}
