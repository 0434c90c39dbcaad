package dev.worldsapi.client.internal.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.worldsapi.client.errors.ErrorResponse;
import dev.worldsapi.client.errors.WorldsServiceException;
import dev.worldsapi.client.model.ErrorEnvelope;
import dev.worldsapi.client.retry.RetryAfter;
import feign.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/**
 * Turns a non-2xx response into its typed exception, through the spec's mapping of statuses to
 * exception classes ({@link StatusExceptions}, generated). A body that is not the canonical
 * envelope still gives the right exception, with the raw text kept.
 */
final class ErrorEnvelopeMapper {

  private final ObjectMapper mapper;
  private final Clock clock;

  ErrorEnvelopeMapper(ObjectMapper mapper, Clock clock) {
    this.mapper = mapper;
    this.clock = clock;
  }

  /** The exception for a non-2xx answer that the call stopped at after {@code attempts}. */
  WorldsServiceException toException(Response response, int attempts) {
    byte[] body;
    try {
      body = Requests.bodyOf(response);
    } catch (IOException unreadable) {
      body = new byte[0];
    }
    String raw = new String(body, StandardCharsets.UTF_8);
    ErrorResponse error =
        new ErrorResponse(
            response.request().httpMethod().name(),
            Requests.pathOf(response.request()),
            response.status(),
            Requests.headersOf(response),
            envelope(response, raw),
            raw);
    return toException(error, attempts);
  }

  WorldsServiceException toException(ErrorResponse error, int attempts) {
    return StatusExceptions.of(
        error,
        attempts,
        RetryAfter.parse(
                error.header("Retry-After").orElse(null),
                error.header("RateLimit").orElse(null),
                clock.instant())
            .orElse(null));
  }

  /**
   * The envelope, or {@code null} when the body is not one: not JSON, in a content coding the
   * client cannot undo, or JSON that is not the envelope's schema (a required field missing, a
   * wrong type).
   */
  private @Nullable ErrorEnvelope envelope(Response response, String raw) {
    String coding = Requests.header(response.headers(), "Content-Encoding");
    if (raw.isBlank()
        || (coding != null && !coding.isBlank() && !coding.strip().equalsIgnoreCase("identity"))) {
      return null;
    }
    try {
      return mapper.readValue(raw, ErrorEnvelope.class);
    } catch (IOException | IllegalArgumentException notTheEnvelope) {
      return null;
    }
  }
}
