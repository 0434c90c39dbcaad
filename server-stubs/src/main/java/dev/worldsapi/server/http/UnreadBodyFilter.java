package dev.worldsapi.server.http;

import dev.worldsapi.server.Pipeline;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * Closes the connection after an error answered before the request's body was read: a 401, a 404
 * for a path no operation has, a 405, a 415. The rest of the body may still be on its way, and an
 * HTTP engine that answers first and closes the connection after (Jetty under Jersey does, when the
 * body has not all arrived) would close it under a client about to send its next request on it,
 * which then fails with no answer. {@code Connection: close} tells the client not to reuse it.
 */
@Priority(Pipeline.HEADERS)
public final class UnreadBodyFilter implements ContainerResponseFilter {

  /** Set on a request whose body the runtime read whole. */
  public static final String BODY_READ = "dev.worldsapi.server.bodyRead";

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getStatus() >= 400
        && request.getProperty(BODY_READ) == null
        && declaresABody(request)
        && !response.getHeaders().containsKey("Connection")) {
      response.getHeaders().putSingle("Connection", "close");
    }
  }

  private static boolean declaresABody(ContainerRequestContext request) {
    if (request.getHeaderString("Transfer-Encoding") != null) {
      return true;
    }
    String length = request.getHeaderString("Content-Length");
    if (length == null) {
      return false;
    }
    try {
      return Long.parseLong(length.strip()) > 0;
    } catch (NumberFormatException notANumber) {
      return true;
    }
  }
}
