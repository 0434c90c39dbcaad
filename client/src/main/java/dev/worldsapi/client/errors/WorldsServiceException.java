package dev.worldsapi.client.errors;

import dev.worldsapi.client.model.ErrorEnvelope;
import dev.worldsapi.client.model.ValidationError;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The server answered with a non-2xx status. Carries the status, the response headers, the parsed
 * error envelope (when the body was one) and the raw body text in every case.
 *
 * <p>Catch a subclass to handle one status ({@link NotFoundException}, {@link RateLimitException},
 * ...), or this class for all of them.
 */
public class WorldsServiceException extends WorldsException {

  private static final long serialVersionUID = 1L;

  private final transient ErrorResponse response;

  public WorldsServiceException(ErrorResponse response) {
    this(response, 1);
  }

  /**
   * @param attempts how many HTTP requests the call sent, this answer's included
   */
  public WorldsServiceException(ErrorResponse response, int attempts) {
    super(describe(response), null, attempts);
    this.response = response;
  }

  public int status() {
    return response.status();
  }

  /** Response headers; names are case-insensitive. */
  public Map<String, List<String>> headers() {
    return response.headers();
  }

  /** The first value of a response header, matched case-insensitively. */
  public Optional<String> header(String name) {
    return response.header(name);
  }

  /** The canonical error envelope, or empty when the body was not one. */
  public Optional<ErrorEnvelope> envelope() {
    return Optional.ofNullable(response.envelope());
  }

  /** The envelope's human-readable {@code detail}, or {@code null} without an envelope. */
  public @Nullable String detail() {
    return response.envelope() == null ? null : response.envelope().detail();
  }

  /** The envelope's stable machine-readable {@code type}, or {@code null} without an envelope. */
  public @Nullable String errorType() {
    return response.envelope() == null ? null : response.envelope().type();
  }

  /** The envelope's validation errors; empty when there are none or there is no envelope. */
  public List<ValidationError> validationErrors() {
    ErrorEnvelope envelope = response.envelope();
    return envelope == null ? List.of() : envelope.errors().orElse(List.of());
  }

  /** The response body as received, also when it was not the envelope. */
  public String rawBody() {
    return response.rawBody();
  }

  public ErrorResponse response() {
    return response;
  }

  private static String describe(ErrorResponse response) {
    StringBuilder message =
        new StringBuilder()
            .append("HTTP ")
            .append(response.status())
            .append(" from ")
            .append(response.method())
            .append(' ')
            .append(response.path());
    ErrorEnvelope envelope = response.envelope();
    if (envelope != null) {
      message.append(": ").append(envelope.detail());
      message.append(" (").append(envelope.type()).append(')');
      for (ValidationError error : envelope.errors().orElse(List.of())) {
        message.append("; ").append(error.loc()).append(": ").append(error.msg());
      }
    } else if (response.rawBody().isEmpty()) {
      message.append(": empty body");
    } else {
      message
          .append(": body is not the error envelope (")
          .append(response.header("Content-Type").orElse("no content type"))
          .append(", ")
          .append(response.rawBody().length())
          .append(" characters)");
    }
    return message.toString();
  }
}
