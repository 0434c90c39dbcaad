package dev.worldsapi.server.validation;

import java.util.Set;

/**
 * The spec operation a request was matched to and checked against, set as a request property
 * ({@link #PROPERTY}) by {@link RequestValidationFilter} once the request passed: for filters that
 * run after it, such as the idempotency filter, or for an implementation's own metrics.
 *
 * @param operationId the spec's {@code operationId}
 * @param headerParameters the names of the header parameters the operation declares
 * @param body the request body as received; empty when there was none
 */
public record MatchedOperation(String operationId, Set<String> headerParameters, byte[] body) {

  /** The request property that holds it. */
  public static final String PROPERTY = "dev.worldsapi.server.matchedOperation";

  public MatchedOperation {
    headerParameters = Set.copyOf(headerParameters);
    body = body.clone();
  }
}
