package dev.worldsapi.server.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Writes a {@link WorldsApiException} as the error envelope with its status and headers. */
@Provider
public final class WorldsApiExceptionMapper implements ExceptionMapper<WorldsApiException> {

  @Override
  public Response toResponse(WorldsApiException exception) {
    return ErrorResponses.of(exception);
  }
}
