package dev.worldsapi.server.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * Writes the JAX-RS runtime's own failures as the error envelope: an unknown route (404), a wrong
 * method (405, keeping {@code Allow}), an unacceptable {@code Accept} (406), an unsupported {@code
 * Content-Type} (415), and any other {@link WebApplicationException}. Instead of the runtime's
 * empty or HTML answers.
 */
@Provider
public final class WebApplicationExceptionMapper
    implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException exception) {
    if (exception instanceof WorldsApiException worlds) {
      return ErrorResponses.of(worlds);
    }
    int status = exception.getResponse() == null ? 500 : exception.getResponse().getStatus();
    return switch (status) {
      case 404 -> ErrorResponses.envelope(404, ErrorTypes.of(404), "Not found");
      case 405 ->
          ErrorResponses.envelope(
              405,
              ErrorTypes.of(405),
              "Method not allowed",
              java.util.List.of(),
              allow(exception.getResponse()));
      case 406 ->
          ErrorResponses.envelope(
              406, ErrorTypes.of(406), "Not acceptable: this API produces application/json");
      case 415 ->
          ErrorResponses.envelope(
              415, ErrorTypes.of(415), "Unsupported media type: send application/json");
      case 400 -> ErrorResponses.envelope(400, ErrorTypes.of(400), "Invalid request");
      case 401 ->
          ErrorResponses.envelope(
              401,
              ErrorTypes.of(401),
              "Authentication failed",
              java.util.List.of(),
              Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"worlds\""));
      case 403 -> ErrorResponses.envelope(403, ErrorTypes.of(403), "Access forbidden");
      default ->
          status >= 500
              ? ErrorResponses.envelope(500, ErrorTypes.of(500), "Internal server error")
              : ErrorResponses.envelope(
                  status, ErrorTypes.of(status), "Request failed with status " + status);
    };
  }

  /**
   * The implementation's {@code Allow}, kept; {@link dev.worldsapi.server.http.AllowHeaderFilter}
   * writes it in one form.
   */
  private static Map<String, String> allow(Response response) {
    String allow = response.getHeaderString(HttpHeaders.ALLOW);
    return allow == null ? Map.of() : Map.of(HttpHeaders.ALLOW, allow);
  }
}
