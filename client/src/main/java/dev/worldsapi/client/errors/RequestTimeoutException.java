package dev.worldsapi.client.errors;

/**
 * HTTP 408: the request's head or body did not reach the server in time (retried for repeatable
 * requests).
 */
public final class RequestTimeoutException extends WorldsServiceException {

  private static final long serialVersionUID = 1L;

  public RequestTimeoutException(ErrorResponse response) {
    super(response);
  }

  public RequestTimeoutException(ErrorResponse response, int attempts) {
    super(response, attempts);
  }
}
