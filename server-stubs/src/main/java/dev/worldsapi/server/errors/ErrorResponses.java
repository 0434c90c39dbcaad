package dev.worldsapi.server.errors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldsapi.server.model.ErrorEnvelope;
import dev.worldsapi.server.model.ValidationError;
import dev.worldsapi.server.spec.SpecDocument;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the canonical error envelope response. Every mapper answers through here, and so does
 * whatever answers before the application (the HTTP engine's own refusals), through {@link #body}:
 * an envelope always keeps within the spec's bounds on it (a {@code detail} and a {@code msg} cut
 * short at their {@code maxLength}, the first {@code errors} up to their {@code maxItems}), read
 * from the spec.
 */
public final class ErrorResponses {

  private static final JsonNode ENVELOPE =
      SpecDocument.packaged().root().at("/components/schemas/ErrorEnvelope/properties");
  private static final JsonNode VALIDATION_ERROR =
      SpecDocument.packaged().root().at("/components/schemas/ValidationError/properties");

  /** The most characters of {@code detail}. */
  static final int MAX_DETAIL = ENVELOPE.at("/detail/maxLength").asInt(Integer.MAX_VALUE);

  /** The most validation errors one envelope lists. */
  static final int MAX_ERRORS = ENVELOPE.at("/errors/maxItems").asInt(Integer.MAX_VALUE);

  /** The most characters of a validation error's {@code msg}. */
  static final int MAX_MSG = VALIDATION_ERROR.at("/msg/maxLength").asInt(Integer.MAX_VALUE);

  private ErrorResponses() {}

  public static Response envelope(int status, String type, String detail) {
    return envelope(status, type, detail, List.of(), Map.of());
  }

  public static Response envelope(
      int status,
      String type,
      String detail,
      List<ValidationError> errors,
      Map<String, String> headers) {
    Response.ResponseBuilder response =
        Response.status(status)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(body(status, type, detail, errors));
    headers.forEach(response::header);
    return response.build();
  }

  public static Response of(WorldsApiException e) {
    return envelope(e.status(), e.type(), e.detail(), e.errors(), e.headers());
  }

  /**
   * The envelope itself, within the spec's bounds: a longer {@code detail} or {@code msg} is cut
   * short with an ellipsis, and only the first errors are listed when there are more than the spec
   * allows (the detail then says how many there were).
   */
  public static ErrorEnvelope body(
      int status, String type, String detail, List<ValidationError> errors) {
    String said = detail;
    List<ValidationError> listed = errors;
    if (errors.size() > MAX_ERRORS) {
      listed = errors.subList(0, MAX_ERRORS);
      said = detail + " (the first " + MAX_ERRORS + " of " + errors.size() + " problems)";
    }
    ErrorEnvelope body = new ErrorEnvelope(status, shortened(said, MAX_DETAIL), type);
    if (!listed.isEmpty()) {
      List<ValidationError> kept = new ArrayList<>(listed.size());
      for (ValidationError error : listed) {
        kept.add(
            error.getMsg() != null && error.getMsg().length() > MAX_MSG
                ? new ValidationError(
                    error.getLoc(), shortened(error.getMsg(), MAX_MSG), error.getType())
                : error);
      }
      body.setErrors(List.copyOf(kept));
    }
    return body;
  }

  /** The text, or its first characters and an ellipsis within {@code max} code points. */
  static String shortened(String text, int max) {
    if (text == null || text.codePointCount(0, text.length()) <= max) {
      return text;
    }
    int end = text.offsetByCodePoints(0, max - 1);
    return text.substring(0, end) + "…";
  }
}
