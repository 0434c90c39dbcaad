package dev.worldsapi.client.errors;

/** HTTP 426: the server requires a newer client or protocol. */
public final class UpgradeRequiredException extends WorldsServiceException {

  private static final long serialVersionUID = 1L;

  public UpgradeRequiredException(ErrorResponse response) {
    super(response);
  }

  public UpgradeRequiredException(ErrorResponse response, int attempts) {
    super(response, attempts);
  }
}
