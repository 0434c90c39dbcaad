package dev.worldsapi.server.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Where the answers to requests with an {@code Idempotency-Key} are kept, by caller and key. The
 * runtime's default keeps them in memory ({@link InMemoryIdempotencyStore}); a service that runs
 * more than one instance implements this over a store they share. Implementations are thread-safe
 * and make {@link #claim} atomic.
 *
 * <p>A claim that is granted is a {@link Granted}: the key and which claim of it this is. Only that
 * claim completes or releases the key. A claim can stop being the key's current one while its
 * request still runs (a store may let another request take a key over after an in-flight timeout,
 * and keys expire): completing or releasing it then changes nothing, so a late answer never
 * replaces the answer of the request that took over, and a late failure never forgets it.
 */
public interface IdempotencyStore {

  /** SHA-256 (hex) of a key, UTF-8: what logs and tables name instead of the key. */
  static String keyHash(String key) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** What the store knows of a key when a request claims it. */
  sealed interface Claim {}

  /**
   * Nobody held the key: the request goes ahead, and this grant must be completed or released.
   *
   * @param key the caller's id and the key, as claimed; never logged (see {@link #keyHash()})
   * @param claimId which claim of the key this is, unique to it
   */
  record Granted(String key, String claimId) implements Claim {

    public Granted {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(claimId, "claimId");
    }

    /** SHA-256 (hex) of the key: what logs and tables name instead of the key. */
    public String keyHash() {
      return IdempotencyStore.keyHash(key);
    }

    /** The claim and the key's hash; never the key. */
    @Override
    public String toString() {
      return "claim " + claimId + " of the key with hash " + keyHash();
    }
  }

  /**
   * The key answered a request with the same fingerprint: answer the same, {@code json} being the
   * bytes of the first answer's body.
   */
  record Replay(int status, byte[] json) implements Claim {}

  /** The key was used for a request with another fingerprint. */
  record Mismatch() implements Claim {}

  /** A request with the key is still being processed. */
  record InProgress() implements Claim {}

  /**
   * Claims {@code key} for a request whose method, path and body hash to {@code fingerprint}.
   *
   * @param key the caller's id and the key, already combined
   */
  Claim claim(String key, String fingerprint);

  /**
   * Keeps the successful answer of a granted request, for as long as keys are kept.
   *
   * @param json the answer's body as sent, replayed byte for byte
   * @return {@code true} if it was kept; {@code false}, changing nothing, if {@code grant} is no
   *     longer the key's current claim (taken over, or expired)
   */
  boolean complete(Granted grant, int status, byte[] json);

  /**
   * Forgets a granted key whose request failed, so that a retry runs it again.
   *
   * @return {@code true} if the key was forgotten; {@code false}, changing nothing, if {@code
   *     grant} is no longer the key's current claim
   */
  boolean release(Granted grant);
}
