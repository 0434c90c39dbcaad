package dev.worldsapi.client.internal.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.worldsapi.client.errors.AuthenticationException;
import dev.worldsapi.client.errors.BadGatewayException;
import dev.worldsapi.client.errors.BadRequestException;
import dev.worldsapi.client.errors.ConflictException;
import dev.worldsapi.client.errors.ErrorResponse;
import dev.worldsapi.client.errors.GatewayTimeoutException;
import dev.worldsapi.client.errors.InternalServerException;
import dev.worldsapi.client.errors.MethodNotAllowedException;
import dev.worldsapi.client.errors.NotAcceptableException;
import dev.worldsapi.client.errors.NotFoundException;
import dev.worldsapi.client.errors.PayloadTooLargeException;
import dev.worldsapi.client.errors.PermissionDeniedException;
import dev.worldsapi.client.errors.RateLimitException;
import dev.worldsapi.client.errors.RequestHeaderFieldsTooLargeException;
import dev.worldsapi.client.errors.RequestTimeoutException;
import dev.worldsapi.client.errors.UnexpectedStatusException;
import dev.worldsapi.client.errors.UnprocessableEntityException;
import dev.worldsapi.client.errors.UnsupportedMediaTypeException;
import dev.worldsapi.client.errors.UpgradeRequiredException;
import dev.worldsapi.client.errors.UriTooLongException;
import dev.worldsapi.client.errors.WorldsServiceException;
import dev.worldsapi.client.model.ErrorEnvelope;
import dev.worldsapi.client.retry.RetryAfter;
import feign.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/**
 * Turns a non-2xx response into its typed exception. The one place where statuses are mapped to
 * exception classes. A body that is not the canonical envelope still gives the right exception,
 * with the raw text kept.
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
    return switch (error.status()) {
      case 400 -> new BadRequestException(error, attempts);
      case 401 -> new AuthenticationException(error, attempts);
      case 403 -> new PermissionDeniedException(error, attempts);
      case 404 -> new NotFoundException(error, attempts);
      case 405 -> new MethodNotAllowedException(error, attempts);
      case 406 -> new NotAcceptableException(error, attempts);
      case 408 -> new RequestTimeoutException(error, attempts);
      case 409 -> new ConflictException(error, attempts);
      case 413 -> new PayloadTooLargeException(error, attempts);
      case 414 -> new UriTooLongException(error, attempts);
      case 415 -> new UnsupportedMediaTypeException(error, attempts);
      case 422 -> new UnprocessableEntityException(error, attempts);
      case 426 -> new UpgradeRequiredException(error, attempts);
      case 431 -> new RequestHeaderFieldsTooLargeException(error, attempts);
      case 429 ->
          new RateLimitException(
              error,
              RetryAfter.parse(
                      error.header("Retry-After").orElse(null),
                      error.header("RateLimit").orElse(null),
                      clock.instant())
                  .orElse(null),
              attempts);
      case 500 -> new InternalServerException(error, attempts);
      case 502 -> new BadGatewayException(error, attempts);
      case 504 -> new GatewayTimeoutException(error, attempts);
      default -> new UnexpectedStatusException(error, attempts);
    };
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
