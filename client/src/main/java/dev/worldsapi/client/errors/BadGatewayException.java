package dev.worldsapi.client.errors;

/** HTTP 502: a gateway in front of the API got no valid answer from it. */
public final class BadGatewayException extends WorldsServiceException {

  private static final long serialVersionUID = 1L;

  public BadGatewayException(ErrorResponse response) {
    super(response);
  }

  public BadGatewayException(ErrorResponse response, int attempts) {
    super(response, attempts);
  }
}
