package dev.worldsapi.client.errors;

/** A non-2xx status the spec does not declare, e.g. 503 or 418; {@link #status()} says which. */
public final class UnexpectedStatusException extends WorldsServiceException {

  private static final long serialVersionUID = 1L;

  public UnexpectedStatusException(ErrorResponse response) {
    super(response);
  }

  public UnexpectedStatusException(ErrorResponse response, int attempts) {
    super(response, attempts);
  }
}
