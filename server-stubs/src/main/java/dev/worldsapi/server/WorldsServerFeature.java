package dev.worldsapi.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.worldsapi.server.auth.BearerAuthFilter;
import dev.worldsapi.server.auth.TokenVerifier;
import dev.worldsapi.server.errors.ConstraintViolationExceptionMapper;
import dev.worldsapi.server.errors.JsonBodyExceptionMapper;
import dev.worldsapi.server.errors.UnexpectedExceptionMapper;
import dev.worldsapi.server.errors.WebApplicationExceptionMapper;
import dev.worldsapi.server.errors.WorldsApiExceptionMapper;
import dev.worldsapi.server.http.AllowHeaderFilter;
import dev.worldsapi.server.http.GzipResponses;
import dev.worldsapi.server.http.UnreadBodyFilter;
import dev.worldsapi.server.idempotency.IdempotencyFilter;
import dev.worldsapi.server.idempotency.IdempotencyStore;
import dev.worldsapi.server.idempotency.InMemoryIdempotencyStore;
import dev.worldsapi.server.json.JsonLimits;
import dev.worldsapi.server.json.ServerObjectMapper;
import dev.worldsapi.server.json.ValidatedBodies;
import dev.worldsapi.server.json.WorldsJsonProvider;
import dev.worldsapi.server.observability.ServerTracing;
import dev.worldsapi.server.params.WireParamConverterProvider;
import dev.worldsapi.server.ratelimit.RateLimit;
import dev.worldsapi.server.ratelimit.RateLimitFilter;
import dev.worldsapi.server.validation.MediaTypeHeaderFilter;
import dev.worldsapi.server.validation.OperationNames;
import dev.worldsapi.server.validation.RequestValidationFilter;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Everything a JAX-RS application implementing the generated interfaces needs to behave as the spec
 * says, in one registration: JSON, the error envelope for every failure, bearer authentication, and
 * every request checked against the spec before the implementation sees it (one 422 listing every
 * problem; 404 for a path that only resembles an operation's; 400 for a malformed media type), and
 * gzip for larger responses to clients that accept it, and {@code Idempotency-Key} honoured on the
 * creates.
 *
 * <pre>{@code
 * new ResourceConfig()
 *     .register(new MyWorldsJobsApi())          // implements dev.worldsapi.server.api.WorldsJobsApi
 *     .register(new WorldsServerFeature(myTokenVerifier));
 * }</pre>
 *
 * <p>The spec's rules are enforced by the runtime's own check, once, and the body is bound from its
 * parse; the Jakarta Validation annotations on the generated interfaces state the same bounds and
 * need no provider. The filters run in the order {@link Pipeline} names.
 */
public final class WorldsServerFeature implements Feature {

  private final TokenVerifier verifier;
  private final Predicate<String> isPublic;
  private final IdempotencyStore idempotency;
  private final long maxRequestBodyBytes;
  // An io.opentelemetry.api.OpenTelemetry, held as Object so that the feature loads without the
  // (optional) OpenTelemetry API; null for the global one.
  private final Object openTelemetry;
  // Null when no caller is limited.
  private final RateLimit rateLimit;
  private final Clock rateLimitClock;

  /** Every path requires a bearer token. */
  public WorldsServerFeature(TokenVerifier verifier) {
    this(verifier, path -> false);
  }

  /**
   * @param isPublic which application-relative paths ({@code "openapi.yaml"}) need no token
   */
  public WorldsServerFeature(TokenVerifier verifier, Predicate<String> isPublic) {
    this(verifier, isPublic, new InMemoryIdempotencyStore());
  }

  /**
   * @param idempotency where the answers to requests with an {@code Idempotency-Key} are kept; a
   *     service with more than one instance passes a store they share
   */
  public WorldsServerFeature(
      TokenVerifier verifier, Predicate<String> isPublic, IdempotencyStore idempotency) {
    this(verifier, isPublic, idempotency, JsonLimits.DEFAULT_MAX_BODY_BYTES, null, null, null);
  }

  private WorldsServerFeature(
      TokenVerifier verifier,
      Predicate<String> isPublic,
      IdempotencyStore idempotency,
      long maxRequestBodyBytes,
      Object openTelemetry,
      RateLimit rateLimit,
      Clock rateLimitClock) {
    if (maxRequestBodyBytes < 1) {
      throw new IllegalArgumentException(
          "maxRequestBodyBytes must be 1 or more, got " + maxRequestBodyBytes);
    }
    this.verifier = verifier;
    this.isPublic = isPublic;
    this.idempotency = idempotency;
    this.maxRequestBodyBytes = maxRequestBodyBytes;
    this.openTelemetry = openTelemetry;
    this.rateLimit = rateLimit;
    this.rateLimitClock = rateLimitClock;
  }

  /**
   * The same feature with another limit on request bodies (default {@link
   * JsonLimits#DEFAULT_MAX_BODY_BYTES}, 1 MiB). A larger body is answered 413 with the error
   * envelope, and read no further than the limit: at once when its {@code Content-Length} is over
   * it, when it gets there otherwise.
   */
  public WorldsServerFeature withMaxRequestBodyBytes(long maxRequestBodyBytes) {
    return new WorldsServerFeature(
        verifier,
        isPublic,
        idempotency,
        maxRequestBodyBytes,
        openTelemetry,
        rateLimit,
        rateLimitClock);
  }

  /**
   * The same feature holding each authenticated caller to {@code limit} (off unless asked): past it
   * a caller is answered 429 with {@code Retry-After}, and every answer to a caller carries {@code
   * RateLimit-Policy} and {@code RateLimit}. Windows are timed by {@code clock}.
   */
  public WorldsServerFeature withRateLimit(RateLimit limit, Clock clock) {
    if (limit == null || clock == null) {
      throw new IllegalArgumentException("a rate limit needs its limit and a clock");
    }
    return new WorldsServerFeature(
        verifier, isPublic, idempotency, maxRequestBodyBytes, openTelemetry, limit, clock);
  }

  /**
   * The same feature reporting to {@code openTelemetry} instead of the global OpenTelemetry (the
   * Java agent's when it runs). With the OpenTelemetry API on the classpath, each request's server
   * span (the container's, or one made from the incoming {@code traceparent}) is named after the
   * spec's operation and carries {@code http.route}, the status and, on a 500, the correlation id.
   *
   * @param openTelemetry an {@code io.opentelemetry.api.OpenTelemetry}; typed {@code Object}
   *     because Jakarta REST implementations inspect a feature's methods, and this one must load
   *     where the OpenTelemetry API is absent
   * @throws IllegalArgumentException for anything else, or without the OpenTelemetry API
   */
  public WorldsServerFeature withOpenTelemetry(Object openTelemetry) {
    ServerTracing.requireOpenTelemetry(openTelemetry);
    return new WorldsServerFeature(
        verifier,
        isPublic,
        idempotency,
        maxRequestBodyBytes,
        openTelemetry,
        rateLimit,
        rateLimitClock);
  }

  @Override
  public boolean configure(FeatureContext context) {
    // What reads and writes (one mapper for the provider and for binding checked bodies), and
    // the error envelope for every failure.
    ObjectMapper json = ServerObjectMapper.create();
    context.register(new WorldsJsonProvider(json));
    context.register(WireParamConverterProvider.class);
    context.register(WorldsApiExceptionMapper.class);
    context.register(WebApplicationExceptionMapper.class);
    context.register(ConstraintViolationExceptionMapper.class);
    context.register(JsonBodyExceptionMapper.class);
    context.register(UnexpectedExceptionMapper.class);

    // The pipeline, in its order (Pipeline): pre-matching request filters first.
    RequestValidationFilter validation = new RequestValidationFilter(maxRequestBodyBytes);
    Optional<Object> spans = ServerTracing.filter(openTelemetry);
    spans.ifPresent(filter -> context.register(filter, Pipeline.SERVER_SPANS));
    context.register(new BearerAuthFilter(verifier, isPublic), Pipeline.AUTHENTICATION);
    context.register(MediaTypeHeaderFilter.class, Pipeline.MEDIA_TYPE_HEADERS);
    if (rateLimit != null) {
      context.register(new RateLimitFilter(rateLimit, rateLimitClock), Pipeline.RATE_LIMIT);
    }
    context.register(GzipResponses.AcceptEncodingFilter.class, Pipeline.CONTENT_CODING);
    if (spans.isPresent()) {
      context.register(new OperationNames(validation), Pipeline.OPERATION_NAMES);
    }
    context.register(validation, Pipeline.SPEC_CHECK);
    context.register(new ValidatedBodies(json), Pipeline.SPEC_CHECK);
    context.register(new IdempotencyFilter(idempotency, json), Pipeline.IDEMPOTENCY);
    context.register(GzipResponses.class, Pipeline.CONTENT_CODING);
    context.register(UnreadBodyFilter.class, Pipeline.HEADERS);
    context.register(AllowHeaderFilter.class, Pipeline.HEADERS);
    return true;
  }
}
