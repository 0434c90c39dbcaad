package dev.worldsapi.server.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps keys in this process's memory for 24 hours (or as told). For a single instance, tests and
 * the reference server. Thread-safe.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {

  /** How long a key is kept: a retry later than this runs the request again. */
  public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);

  private record Entry(String fingerprint, Instant expires, Integer status, Object entity) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration retention;

  public InMemoryIdempotencyStore() {
    this(Clock.systemUTC(), DEFAULT_RETENTION);
  }

  public InMemoryIdempotencyStore(Clock clock, Duration retention) {
    this.clock = clock;
    this.retention = retention;
  }

  @Override
  public Claim claim(String key, String fingerprint) {
    Instant now = clock.instant();
    purge(now);
    Claim[] answer = new Claim[1];
    entries.compute(
        key,
        (k, entry) -> {
          if (entry == null || entry.expires().isBefore(now)) {
            answer[0] = new Granted();
            return new Entry(fingerprint, now.plus(retention), null, null);
          }
          if (!entry.fingerprint().equals(fingerprint)) {
            answer[0] = new Mismatch();
          } else if (entry.status() == null) {
            answer[0] = new InProgress();
          } else {
            answer[0] = new Replay(entry.status(), entry.entity());
          }
          return entry;
        });
    return answer[0];
  }

  @Override
  public void complete(String key, int status, Object entity) {
    entries.computeIfPresent(
        key, (k, entry) -> new Entry(entry.fingerprint(), entry.expires(), status, entity));
  }

  @Override
  public void release(String key) {
    entries.remove(key);
  }

  private void purge(Instant now) {
    for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
      if (it.next().expires().isBefore(now)) {
        it.remove();
      }
    }
  }
}
