package dev.worldsapi.server.idempotency;

/**
 * Where the answers to requests with an {@code Idempotency-Key} are kept, by caller and key. The
 * runtime's default keeps them in memory ({@link InMemoryIdempotencyStore}); a service that runs
 * more than one instance implements this over a store they share. Implementations are thread-safe
 * and make {@link #claim} atomic.
 */
public interface IdempotencyStore {

  /** What the store knows of a key when a request claims it. */
  sealed interface Claim {}

  /** Nobody used the key: the request goes ahead, and must be completed or released. */
  record Granted() implements Claim {}

  /** The key answered a request with the same fingerprint: answer the same. */
  record Replay(int status, Object entity) implements Claim {}

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

  /** Keeps the successful answer of a granted request, for as long as keys are kept. */
  void complete(String key, int status, Object entity);

  /** Forgets a granted key whose request failed, so that a retry runs it again. */
  void release(String key);
}
