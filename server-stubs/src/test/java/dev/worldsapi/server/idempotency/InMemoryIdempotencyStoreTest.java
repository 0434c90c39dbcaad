package dev.worldsapi.server.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The store's bounds: by time, and by number of keys, the oldest forgotten first. */
class InMemoryIdempotencyStoreTest {

  private final MovingClock clock = new MovingClock();

  @Test
  void pastItsMaximumTheOldestKeyIsForgottenAndTheOthersKept() {
    InMemoryIdempotencyStore store = new InMemoryIdempotencyStore(clock, Duration.ofHours(24), 3);
    for (String key : new String[] {"k1", "k2", "k3", "k4"}) {
      assertThat(store.claim(key, "body-" + key)).isInstanceOf(IdempotencyStore.Granted.class);
      store.complete(key, 200, key);
    }

    assertThat(store.size()).isEqualTo(3);
    // k1 is forgotten: another body with it is a new request, not a reuse of the key.
    assertThat(store.claim("k1", "another body")).isInstanceOf(IdempotencyStore.Granted.class);
    // k4 is kept: the same body answers the first request again.
    assertThat(store.claim("k4", "body-k4")).isInstanceOf(IdempotencyStore.Replay.class);
  }

  @Test
  void aMillionUniqueKeysHoldNoMoreThanTheMaximum() {
    InMemoryIdempotencyStore store =
        new InMemoryIdempotencyStore(clock, Duration.ofHours(24), 1000);
    for (int i = 0; i < 1_000_000; i++) {
      String key = "key-" + i;
      store.claim(key, "body");
      if (i % 2 == 0) {
        store.complete(key, 200, "job");
      } else {
        store.release(key); // a failed create leaves its claim behind in the order
      }
    }

    assertThat(store.size()).isLessThanOrEqualTo(1000);
  }

  @Test
  void afterItsRetentionAKeyIsForgotten() {
    InMemoryIdempotencyStore store = new InMemoryIdempotencyStore(clock, Duration.ofMinutes(10));
    store.claim("k", "body");
    store.complete("k", 200, "job");

    clock.advance(Duration.ofMinutes(11));

    assertThat(store.claim("k", "another body")).isInstanceOf(IdempotencyStore.Granted.class);
  }

  private static final class MovingClock extends Clock {
    private Instant now = Instant.parse("2026-01-05T10:15:30Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
