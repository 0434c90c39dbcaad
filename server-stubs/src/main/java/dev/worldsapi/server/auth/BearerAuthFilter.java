package dev.worldsapi.server.auth;

import dev.worldsapi.server.Pipeline;
import dev.worldsapi.server.errors.ErrorTypes;
import dev.worldsapi.server.errors.WorldsApiException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Requires {@code Authorization: Bearer <token>} on every request whose path is not public, and
 * answers 401 with {@code WWW-Authenticate: Bearer} otherwise. The verified {@link Caller} is held
 * once, by {@link CurrentCaller}; the request's security context reads its user principal there.
 * The token is never logged or echoed.
 */
@PreMatching
@Priority(Pipeline.AUTHENTICATION)
public final class BearerAuthFilter implements ContainerRequestFilter, ContainerResponseFilter {

  private final TokenVerifier verifier;
  private final Predicate<String> isPublic;

  /**
   * @param isPublic which request paths (relative to the application, without a leading slash, e.g.
   *     {@code "openapi.yaml"}) need no token
   */
  public BearerAuthFilter(TokenVerifier verifier, Predicate<String> isPublic) {
    this.verifier = verifier;
    this.isPublic = isPublic;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    CurrentCaller.clear();
    String path = request.getUriInfo().getPath();
    if (isPublic.test(path.startsWith("/") ? path.substring(1) : path)) {
      return;
    }
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || header.isBlank()) {
      throw WorldsApiException.unauthorized(
          "Authentication failed: send Authorization: Bearer <token>");
    }
    int space = header.indexOf(' ');
    if (space < 0
        || !header.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")
        || header.substring(space + 1).isBlank()) {
      throw invalidToken(
          "Authentication failed: the Authorization header must use the Bearer scheme");
    }
    Caller caller =
        verifier
            .verify(header.substring(space + 1).strip())
            .orElseThrow(() -> invalidToken("Authentication failed"));
    CurrentCaller.set(caller);
    boolean secure =
        request.getSecurityContext() != null && request.getSecurityContext().isSecure();
    request.setSecurityContext(
        new SecurityContext() {
          // A view of the one holder of the caller, CurrentCaller, not a second copy.
          @Override
          public Principal getUserPrincipal() {
            return CurrentCaller.get().orElse(null);
          }

          @Override
          public boolean isUserInRole(String role) {
            return false;
          }

          @Override
          public boolean isSecure() {
            return secure;
          }

          @Override
          public String getAuthenticationScheme() {
            return "Bearer";
          }
        });
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    CurrentCaller.clear();
  }

  private static WorldsApiException invalidToken(String detail) {
    return new WorldsApiException(
        401,
        ErrorTypes.of(401),
        detail,
        java.util.List.of(),
        Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"worlds\", error=\"invalid_token\""));
  }
}
