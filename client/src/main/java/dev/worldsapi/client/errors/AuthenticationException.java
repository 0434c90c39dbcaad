package dev.worldsapi.client.errors;

/** HTTP 401: authentication failed; the token is missing, malformed, expired or revoked. */
public final class AuthenticationException extends WorldsServiceException {

  private static final long serialVersionUID = 1L;

  public AuthenticationException(ErrorResponse response) {
    super(response);
  }

  public AuthenticationException(ErrorResponse response, int attempts) {
    super(response, attempts);
  }
}
