package dev.worldsapi.server;

import jakarta.ws.rs.Priorities;

/**
 * The order of the runtime's filters and interceptors, every priority in one place; {@link
 * WorldsServerFeature} registers each with its constant. Request filters run in ascending order,
 * pre-matching ones (before the resource method is known) before all others; response filters run
 * in descending order.
 *
 * <table>
 *   <caption>The runtime's pipeline</caption>
 *   <tr><th>priority</th><th>filter</th><th>stage</th></tr>
 *   <tr><td>{@link #SERVER_SPANS} (900)</td><td>ServerSpans (with OpenTelemetry)</td><td>request, pre-matching; response</td></tr>
 *   <tr><td>{@link #AUTHENTICATION} (1000)</td><td>BearerAuthFilter</td><td>request, pre-matching; response</td></tr>
 *   <tr><td>{@link #MEDIA_TYPE_HEADERS} (1001)</td><td>MediaTypeHeaderFilter</td><td>request, pre-matching</td></tr>
 *   <tr><td>{@link #RATE_LIMIT} (1010)</td><td>RateLimitFilter (with a rate limit)</td><td>request, pre-matching; response</td></tr>
 *   <tr><td>{@link #CONTENT_CODING} (3000)</td><td>GzipResponses.AcceptEncodingFilter; GzipResponses</td><td>request, pre-matching; writer</td></tr>
 *   <tr><td>{@link #OPERATION_NAMES} (950)</td><td>OperationNames (with OpenTelemetry)</td><td>request</td></tr>
 *   <tr><td>{@link #AUTHORIZATION} (2000)</td><td>a service's own: authorization, test faults</td><td>request</td></tr>
 *   <tr><td>{@link #SPEC_CHECK} (5000)</td><td>RequestValidationFilter; ValidatedBodies</td><td>request; reader</td></tr>
 *   <tr><td>{@link #IDEMPOTENCY} (5100)</td><td>IdempotencyFilter</td><td>request; response</td></tr>
 *   <tr><td>{@link #HEADERS} (6000)</td><td>UnreadBodyFilter, AllowHeaderFilter</td><td>response</td></tr>
 * </table>
 */
public final class Pipeline {

  private Pipeline() {}

  /** The request's server span, named and opened first, so that a 401 is traced too. */
  public static final int SERVER_SPANS = Priorities.AUTHENTICATION - 100;

  /** The span renamed after the matched operation, before a later filter can refuse the request. */
  public static final int OPERATION_NAMES = Priorities.AUTHENTICATION - 50;

  /** The bearer token checked, and the caller known to every later step. */
  public static final int AUTHENTICATION = Priorities.AUTHENTICATION;

  /** A malformed {@code Content-Type} or {@code Accept} answered 400, before matching uses it. */
  public static final int MEDIA_TYPE_HEADERS = Priorities.AUTHENTICATION + 1;

  /**
   * Each caller's requests counted against the rate limit, once the caller is known and before any
   * other work is done for it; its standing written on the response.
   */
  public static final int RATE_LIMIT = Priorities.AUTHENTICATION + 10;

  /** Where a service's own filters that need the caller go: authorization, test faults. */
  public static final int AUTHORIZATION = Priorities.AUTHORIZATION;

  /** Whether the client takes gzip, and the response body compressed when it does. */
  public static final int CONTENT_CODING = Priorities.ENTITY_CODER;

  /** Every parameter and the body checked against the spec, and the body bound from that parse. */
  public static final int SPEC_CHECK = Priorities.USER;

  /** {@code Idempotency-Key}: after the spec check, so that only valid requests claim a key. */
  public static final int IDEMPOTENCY = Priorities.USER + 100;

  /** Response headers written last: {@code Allow} in one form, {@code Connection: close}. */
  public static final int HEADERS = Priorities.HEADER_DECORATOR;
}
