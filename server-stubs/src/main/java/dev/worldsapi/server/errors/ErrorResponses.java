package dev.worldsapi.server.errors;

import dev.worldsapi.server.model.ErrorEnvelope;
import dev.worldsapi.server.model.ValidationError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Builds the canonical error envelope response. Every mapper answers through here. */
public final class ErrorResponses {

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
    ErrorEnvelope body = new ErrorEnvelope(status, detail, type);
    if (!errors.isEmpty()) {
      body.setErrors(List.copyOf(errors));
    }
    Response.ResponseBuilder response =
        Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
    headers.forEach(response::header);
    return response.build();
  }

  public static Response of(WorldsApiException e) {
    return envelope(e.status(), e.type(), e.detail(), e.errors(), e.headers());
  }
}
