package dev.worldsapi.server.errors;

import dev.worldsapi.server.model.ValidationError;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A failure that leaves the server as the canonical error envelope, with its status, a stable
 * {@code type} and a human-readable {@code detail}. Throw it from an implementation of the
 * generated interfaces; {@link WorldsApiExceptionMapper} writes the response.
 *
 * <pre>{@code
 * throw WorldsApiException.notFound("Job not found");
 * throw WorldsApiException.conflict("Job is already completed");
 * }</pre>
 */
public class WorldsApiException extends WebApplicationException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String type;
  private final String detail;
  private final transient List<ValidationError> errors;
  private final transient Map<String, String> headers;

  public WorldsApiException(
      int status,
      String type,
      String detail,
      List<ValidationError> errors,
      Map<String, String> headers) {
    super(detail, status);
    this.status = status;
    this.type = type;
    this.detail = detail;
    this.errors = List.copyOf(errors);
    this.headers = Map.copyOf(headers);
  }

  public static WorldsApiException badRequest(String detail) {
    return new WorldsApiException(400, ErrorTypes.of(400), detail, List.of(), Map.of());
  }

  /** 401 with {@code WWW-Authenticate: Bearer realm="worlds"}. */
  public static WorldsApiException unauthorized(String detail) {
    return new WorldsApiException(
        401,
        ErrorTypes.of(401),
        detail,
        List.of(),
        Map.of("WWW-Authenticate", "Bearer realm=\"worlds\""));
  }

  public static WorldsApiException forbidden(String detail) {
    return new WorldsApiException(403, ErrorTypes.of(403), detail, List.of(), Map.of());
  }

  public static WorldsApiException notFound(String detail) {
    return new WorldsApiException(404, ErrorTypes.of(404), detail, List.of(), Map.of());
  }

  public static WorldsApiException conflict(String detail) {
    return new WorldsApiException(409, ErrorTypes.of(409), detail, List.of(), Map.of());
  }

  /** 422 with one {@code errors} item per problem. */
  public static WorldsApiException validation(List<ValidationError> errors) {
    return new WorldsApiException(422, ErrorTypes.of(422), "Validation error", errors, Map.of());
  }

  /**
   * 422 for one problem at {@code loc}, e.g. {@code validation(List.of("body", "runtime_id"),
   * "Field required", "missing")}.
   */
  public static WorldsApiException validation(List<Object> loc, String msg, String type) {
    return validation(List.of(new ValidationError(loc, msg, type)));
  }

  public static WorldsApiException upgradeRequired(String detail) {
    return new WorldsApiException(426, ErrorTypes.of(426), detail, List.of(), Map.of());
  }

  /** 429 with {@code Retry-After} in whole seconds, at least 1. */
  public static WorldsApiException rateLimited(String detail, Duration retryAfter) {
    long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    return new WorldsApiException(
        429, ErrorTypes.of(429), detail, List.of(), Map.of("Retry-After", Long.toString(seconds)));
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  public String detail() {
    return detail;
  }

  public List<ValidationError> errors() {
    return errors;
  }

  /** Headers the response must carry, such as {@code Retry-After}. */
  public Map<String, String> headers() {
    return headers;
  }
}
