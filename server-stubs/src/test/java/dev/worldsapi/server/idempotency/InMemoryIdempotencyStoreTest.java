package dev.worldsapi.server.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
      assertThat(store.complete(granted(store.claim(key, "body-" + key)), 200, JOB)).isTrue();
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
      IdempotencyStore.Granted grant = granted(store.claim(key, "body"));
      if (i % 2 == 0) {
        store.complete(grant, 200, JOB);
      } else {
        store.release(grant); // a failed create leaves its claim behind in the order
      }
    }

    assertThat(store.size()).isLessThanOrEqualTo(1000);
  }

  @Test
  void afterItsRetentionAKeyIsForgotten() {
    InMemoryIdempotencyStore store = new InMemoryIdempotencyStore(clock, Duration.ofMinutes(10));
    store.complete(granted(store.claim("k", "body")), 200, JOB);

    clock.advance(Duration.ofMinutes(11));

    assertThat(store.claim("k", "another body")).isInstanceOf(IdempotencyStore.Granted.class);
  }

  @Test
  void aReplayIsTheKeptBytes() {
    InMemoryIdempotencyStore store = new InMemoryIdempotencyStore(clock, Duration.ofMinutes(10));
    byte[] answer = "{\"id\": \"job-1\",  \"progress\": 0.50}".getBytes(StandardCharsets.UTF_8);
    store.complete(granted(store.claim("k", "body")), 201, answer);

    assertThat(store.claim("k", "body"))
        .isInstanceOfSatisfying(
            IdempotencyStore.Replay.class,
            replay -> {
              assertThat(replay.status()).isEqualTo(201);
              assertThat(replay.json()).isEqualTo(answer);
            });
  }

  @Test
  void aClaimThatExpiredAndWasClaimedAgainNeitherCompletesNorReleasesTheNewOne() {
    InMemoryIdempotencyStore store = new InMemoryIdempotencyStore(clock, Duration.ofMinutes(10));
    IdempotencyStore.Granted late = granted(store.claim("k", "body"));
    clock.advance(Duration.ofMinutes(11));
    IdempotencyStore.Granted current = granted(store.claim("k", "body"));

    assertThat(store.complete(late, 200, "{\"id\":\"late\"}".getBytes(StandardCharsets.UTF_8)))
        .isFalse();
    assertThat(store.release(late)).isFalse();
    assertThat(store.claim("k", "body")).isInstanceOf(IdempotencyStore.InProgress.class);

    assertThat(store.complete(current, 200, JOB)).isTrue();
    assertThat(store.complete(current, 200, JOB)).as("a claim completes once").isFalse();
    assertThat(store.claim("k", "body"))
        .isInstanceOfSatisfying(
            IdempotencyStore.Replay.class, replay -> assertThat(replay.json()).isEqualTo(JOB));
  }

  @Test
  void aGrantNamesItsClaimAndTheKeysHashNeverTheKey() {
    InMemoryIdempotencyStore store = new InMemoryIdempotencyStore(clock, Duration.ofMinutes(10));
    IdempotencyStore.Granted grant = granted(store.claim("caller\u0000order-4711", "body"));

    assertThat(grant.toString())
        .contains(grant.claimId())
        .contains(grant.keyHash())
        .doesNotContain("order-4711");
  }

  private static final byte[] JOB = "{\"id\":\"job-1\"}".getBytes(StandardCharsets.UTF_8);

  private static IdempotencyStore.Granted granted(IdempotencyStore.Claim claim) {
    assertThat(claim).isInstanceOf(IdempotencyStore.Granted.class);
    return (IdempotencyStore.Granted) claim;
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
