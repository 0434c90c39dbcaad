package dev.worldsapi.server.http;

import dev.worldsapi.server.Pipeline;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes every {@code Allow} (a 405's, an {@code OPTIONS} answer's) in one form, whatever the
 * implementation made it: methods upper case, sorted, comma and space, HEAD beside GET. Jakarta
 * REST answers HEAD wherever there is a GET; RESTEasy lists it and Jersey does not on a 405 ({@code
 * GET,OPTIONS}), and the two space the list differently ({@code HEAD,GET,OPTIONS} and {@code HEAD,
 * GET, OPTIONS}). The implementation's own answer to {@code OPTIONS}, the method list as text, gets
 * the same list and one content type ({@code text/plain;charset=UTF-8}).
 */
@Priority(Pipeline.HEADERS)
public final class AllowHeaderFilter implements ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    List<Object> allow = response.getHeaders().get(HttpHeaders.ALLOW);
    if (allow == null || allow.isEmpty()) {
      return;
    }
    Set<String> methods = new TreeSet<>();
    for (Object value : allow) {
      for (String method : String.valueOf(value).split(",")) {
        if (!method.isBlank()) {
          methods.add(method.strip().toUpperCase(Locale.ROOT));
        }
      }
    }
    if (methods.contains("GET")) {
      methods.add("HEAD");
    }
    String canonical = String.join(", ", methods);
    response.getHeaders().putSingle(HttpHeaders.ALLOW, canonical);
    if (request.getMethod().equals("OPTIONS")
        && response.getStatus() == 200
        && response.getEntity() instanceof String) {
      response.setEntity(
          canonical, new Annotation[0], MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"));
    }
  }
}
