package dev.worldsapi.client.errors;

/** HTTP 504: a gateway in front of the API timed out waiting for it. */
public final class GatewayTimeoutException extends WorldsServiceException {

  private static final long serialVersionUID = 1L;

  public GatewayTimeoutException(ErrorResponse response) {
    super(response);
  }

  public GatewayTimeoutException(ErrorResponse response, int attempts) {
    super(response, attempts);
  }
}
