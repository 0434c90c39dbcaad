package dev.worldsapi.client.errors;

/** HTTP 404: the organization, workspace or job does not exist. */
public final class NotFoundException extends WorldsServiceException {

  private static final long serialVersionUID = 1L;

  public NotFoundException(ErrorResponse response) {
    super(response);
  }

  public NotFoundException(ErrorResponse response, int attempts) {
    super(response, attempts);
  }
}
