package dev.worldsapi.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Accepts one fixed token as one caller. Compares SHA-256 digests with {@link
 * MessageDigest#isEqual}, so neither the token's content nor its length shows in timing. For
 * development and tests; production services verify tokens against their identity provider.
 */
public final class StaticTokenVerifier implements TokenVerifier {

  private final byte[] expectedDigest;
  private final Caller caller;

  public StaticTokenVerifier(String token, Caller caller) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("token must not be blank");
    }
    this.expectedDigest = digest(token);
    this.caller = caller;
  }

  @Override
  public Optional<Caller> verify(String token) {
    return MessageDigest.isEqual(expectedDigest, digest(token))
        ? Optional.of(caller)
        : Optional.empty();
  }

  @Override
  public String toString() {
    return "StaticTokenVerifier{caller=" + caller.id() + '}';
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
