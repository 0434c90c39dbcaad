package dev.worldsapi.client.errors;

/** HTTP 422: validation failed; {@link #validationErrors()} says where and why. */
public final class UnprocessableEntityException extends WorldsServiceException {

  private static final long serialVersionUID = 1L;

  public UnprocessableEntityException(ErrorResponse response) {
    super(response);
  }

  public UnprocessableEntityException(ErrorResponse response, int attempts) {
    super(response, attempts);
  }
}
