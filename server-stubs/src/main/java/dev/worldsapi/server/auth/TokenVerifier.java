package dev.worldsapi.server.auth;

import java.util.Optional;

/**
 * Decides whether a bearer token is valid, and whose it is. Implementations must be thread-safe,
 * must compare secrets in constant time, and must never log the token.
 */
@FunctionalInterface
public interface TokenVerifier {

  /** The token's caller, or empty when the token is not valid. */
  Optional<Caller> verify(String token);
}
