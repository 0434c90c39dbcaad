package dev.worldsapi.server.auth;

import java.security.Principal;

/**
 * Who made a request, as the {@link TokenVerifier} established it. Also the request's {@link
 * jakarta.ws.rs.core.SecurityContext#getUserPrincipal() user principal}.
 *
 * @param id a stable user id
 * @param name a display name; not used for decisions
 */
public record Caller(String id, String name) implements Principal {

  @Override
  public String getName() {
    return name;
  }
}
