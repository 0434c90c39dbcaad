package dev.worldsapi.client.errors;

/** HTTP 403: the caller may not use this organization, workspace or job. */
public final class PermissionDeniedException extends WorldsServiceException {

  private static final long serialVersionUID = 1L;

  public PermissionDeniedException(ErrorResponse response) {
    super(response);
  }

  public PermissionDeniedException(ErrorResponse response, int attempts) {
    super(response, attempts);
  }
}
