package dev.worldsapi.server.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Keeps keys in this process's memory for 24 hours (or as told), and at most 10,000 of them (or as
 * told): past that the oldest go first, so hours of load with unique keys hold memory flat. Keys
 * are kept in the order they came, so forgetting expired ones looks only at the oldest. For a
 * single instance, tests and the reference server. Thread-safe.
 *
 * <p>Answers are kept as the JSON bytes the runtime wrote, as {@code JdbcIdempotencyStore} keeps
 * them: a replay is the first answer byte for byte. A claim is never taken over here (a request
 * runs as long as its process does); it can expire, and then completing or releasing it changes
 * nothing.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {

  /** How long a key is kept: a retry later than this runs the request again. */
  public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);

  /**
   * How many keys are kept at most: a key older than the newest this many is forgotten. Each keeps
   * the answer it replays, about a kilobyte for a job: 10,000 hold about 10 MB, and a service that
   * creates fewer than 10,000 jobs a day keeps every key its full retention.
   */
  public static final int DEFAULT_MAX_ENTRIES = 10_000;

  private record Entry(
      String fingerprint, String claimId, Instant expires, Integer status, byte[] json) {}

  /** A key as it was claimed, in the order of claims. */
  private record Claimed(String key, Instant expires) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Queue<Claimed> order = new ConcurrentLinkedQueue<>();

  /** The length of {@link #order} (which a released key leaves a claim in until it is purged). */
  private final AtomicInteger claims = new AtomicInteger();

  private final Clock clock;
  private final Duration retention;
  private final int maxEntries;

  public InMemoryIdempotencyStore() {
    this(Clock.systemUTC(), DEFAULT_RETENTION);
  }

  public InMemoryIdempotencyStore(Clock clock, Duration retention) {
    this(clock, retention, DEFAULT_MAX_ENTRIES);
  }

  /**
   * @param maxEntries how many keys are kept at most; past that the oldest are forgotten first
   */
  public InMemoryIdempotencyStore(Clock clock, Duration retention, int maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be 1 or more, got " + maxEntries);
    }
    this.clock = clock;
    this.retention = retention;
    this.maxEntries = maxEntries;
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
            String claimId = UUID.randomUUID().toString();
            answer[0] = new Granted(k, claimId);
            Entry granted = new Entry(fingerprint, claimId, now.plus(retention), null, null);
            order.add(new Claimed(k, granted.expires()));
            claims.incrementAndGet();
            return granted;
          }
          if (!entry.fingerprint().equals(fingerprint)) {
            answer[0] = new Mismatch();
          } else if (entry.status() == null) {
            answer[0] = new InProgress();
          } else {
            answer[0] = new Replay(entry.status(), entry.json().clone());
          }
          return entry;
        });
    return answer[0];
  }

  @Override
  public boolean complete(Granted grant, int status, byte[] json) {
    byte[] kept = json.clone();
    return ifCurrent(
        grant,
        entry -> new Entry(entry.fingerprint(), entry.claimId(), entry.expires(), status, kept));
  }

  @Override
  public boolean release(Granted grant) {
    return ifCurrent(grant, entry -> null);
  }

  /** Applies {@code change} to the key's entry if {@code grant} is its current claim. */
  private boolean ifCurrent(Granted grant, UnaryOperator<Entry> change) {
    boolean[] current = new boolean[1];
    entries.computeIfPresent(
        grant.key(),
        (k, entry) -> {
          if (!current(entry, grant)) {
            return entry;
          }
          current[0] = true;
          return change.apply(entry);
        });
    return current[0];
  }

  /** Whether {@code grant} is the entry's claim, still unanswered and not expired. */
  private boolean current(Entry entry, Granted grant) {
    return entry.claimId().equals(grant.claimId())
        && entry.status() == null
        && !entry.expires().isBefore(clock.instant());
  }

  /** Forgets the oldest claims while they have expired or there are too many. */
  private void purge(Instant now) {
    for (Claimed oldest = order.peek();
        oldest != null && (oldest.expires().isBefore(now) || claims.get() >= maxEntries);
        oldest = order.peek()) {
      Claimed taken = order.poll();
      if (taken == null) {
        return;
      }
      claims.decrementAndGet();
      // Only the entry this claim made: the key may have been claimed again since.
      entries.computeIfPresent(
          taken.key(), (k, entry) -> entry.expires().equals(taken.expires()) ? null : entry);
    }
  }

  /** How many keys are kept now. */
  public int size() {
    return entries.size();
  }
}
