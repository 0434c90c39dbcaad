package dev.worldsapi.server.idempotency.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldsapi.server.idempotency.IdempotencyStore;
import dev.worldsapi.server.idempotency.IdempotencyStore.Claim;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/** The store's claims, expiry and purge, on a real PostgreSQL server. */
@EnabledIf(
    value = "dev.worldsapi.server.idempotency.jdbc.Postgres#named",
    disabledReason = "no PostgreSQL named")
class JdbcIdempotencyStoreTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private String table;
  private JdbcIdempotencyStore store;

  @BeforeEach
  void createTable() {
    table = Postgres.freshTable();
    store = store(clock);
    store.createTableIfMissing();
  }

  @AfterEach
  void dropTable() {
    Postgres.execute("DROP TABLE IF EXISTS " + table);
  }

  private JdbcIdempotencyStore store(Clock clock) {
    return JdbcIdempotencyStore.builder(Postgres.connections())
        .table(table)
        .clock(clock)
        .retention(Duration.ofHours(24))
        .inFlightTimeout(Duration.ofMinutes(5))
        .build();
  }

  @Test
  void aKeyIsGrantedOnceThenInProgressThenReplayedAsTheAnswersJson() {
    assertThat(store.claim("caller\u0000key", "fp")).isInstanceOf(IdempotencyStore.Granted.class);
    assertThat(store.claim("caller\u0000key", "fp"))
        .isInstanceOf(IdempotencyStore.InProgress.class);

    store.complete("caller\u0000key", 200, Map.of("id", "job-1", "progress", 0.5));

    Claim replay = store.claim("caller\u0000key", "fp");
    assertThat(replay).isInstanceOf(IdempotencyStore.Replay.class);
    assertThat(((IdempotencyStore.Replay) replay).status()).isEqualTo(200);
    JsonNode entity = (JsonNode) ((IdempotencyStore.Replay) replay).entity();
    assertThat(entity.path("id").asText()).isEqualTo("job-1");
    assertThat(entity.path("progress").asDouble()).isEqualTo(0.5);
  }

  @Test
  void anotherFingerprintIsAMismatchWhileRunningAndAfter() {
    store.claim("k", "fp-1");
    assertThat(store.claim("k", "fp-2")).isInstanceOf(IdempotencyStore.Mismatch.class);
    store.complete("k", 200, Map.of("id", "job-1"));
    assertThat(store.claim("k", "fp-2")).isInstanceOf(IdempotencyStore.Mismatch.class);
  }

  @Test
  void aReleasedKeyIsGrantedAgainAndLeavesNoRow() {
    store.claim("k", "fp");
    store.release("k");
    assertThat(Postgres.count(table)).isZero();
    assertThat(store.claim("k", "fp")).isInstanceOf(IdempotencyStore.Granted.class);
  }

  @Test
  void keysOfOtherCallersAreTheirOwn() {
    store.claim("alice\u0000k", "fp");
    assertThat(store.claim("bob\u0000k", "fp-other")).isInstanceOf(IdempotencyStore.Granted.class);
  }

  @Test
  void anExpiredKeyIsForgottenAndPurged() {
    store.claim("k", "fp");
    store.complete("k", 200, Map.of("id", "job-1"));

    clock.advance(Duration.ofHours(24).plusSeconds(1));

    assertThat(store.claim("k", "another body")).isInstanceOf(IdempotencyStore.Granted.class);
    store.claim("other", "fp");
    clock.advance(Duration.ofHours(25));
    assertThat(store.purgeExpired()).isEqualTo(2);
    assertThat(Postgres.count(table)).isZero();
  }

  @Test
  void aClaimRunningPastTheInFlightTimeoutIsTakenOverAndItsLateAnswerIsNotKept() {
    JdbcIdempotencyStore lost = store(clock);
    JdbcIdempotencyStore other = store(clock);
    assertThat(lost.claim("k", "fp")).isInstanceOf(IdempotencyStore.Granted.class);

    clock.advance(Duration.ofMinutes(4));
    assertThat(other.claim("k", "fp")).isInstanceOf(IdempotencyStore.InProgress.class);
    clock.advance(Duration.ofMinutes(2));
    assertThat(other.claim("k", "fp")).isInstanceOf(IdempotencyStore.Granted.class);

    lost.complete("k", 200, Map.of("id", "from-the-lost-instance"));
    lost.release("k");
    assertThat(other.claim("k", "fp")).isInstanceOf(IdempotencyStore.InProgress.class);
    other.complete("k", 200, Map.of("id", "from-the-other"));
    assertThat(
            ((JsonNode) ((IdempotencyStore.Replay) other.claim("k", "fp")).entity())
                .path("id")
                .asText())
        .isEqualTo("from-the-other");
  }

  @Test
  void manyInstancesClaimingOneKeyAtOnceGetOneGrant() throws Exception {
    int claimers = 24;
    List<JdbcIdempotencyStore> instances = new ArrayList<>();
    for (int i = 0; i < claimers; i++) {
      instances.add(store(Clock.systemUTC()));
    }
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(claimers);
    try {
      List<Future<Claim>> claims = new ArrayList<>();
      for (JdbcIdempotencyStore instance : instances) {
        claims.add(
            threads.submit(
                () -> {
                  start.await();
                  return instance.claim("contended", "fp");
                }));
      }
      start.countDown();
      long granted = 0;
      for (Future<Claim> claim : claims) {
        Claim answer = claim.get();
        assertThat(answer)
            .isInstanceOfAny(IdempotencyStore.Granted.class, IdempotencyStore.InProgress.class);
        granted += answer instanceof IdempotencyStore.Granted ? 1 : 0;
      }
      assertThat(granted).isEqualTo(1);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void creatingTheTableTwiceIsHarmlessAndASchemaQualifiedNameWorks() {
    store.createTableIfMissing();
    String schema = Postgres.freshTable().replace("worlds_idempotency_test_", "s");
    Postgres.execute("CREATE SCHEMA " + schema);
    try {
      JdbcIdempotencyStore qualified =
          JdbcIdempotencyStore.builder(Postgres.connections()).table(schema + ".keys").build();
      qualified.createTableIfMissing();
      assertThat(qualified.claim("k", "fp")).isInstanceOf(IdempotencyStore.Granted.class);
      assertThat(Postgres.count(schema + ".keys")).isEqualTo(1);
    } finally {
      Postgres.execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  @Test
  void aTableNameThatIsNotAPlainNameIsRefused() {
    assertThatThrownBy(
            () -> JdbcIdempotencyStore.builder(Postgres.connections()).table("keys; DROP TABLE x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("plain SQL name");
  }

  @Test
  void aDatabaseFailureNamesTheTableAndTheSqlStateNotTheKey() {
    JdbcIdempotencyStore missing =
        JdbcIdempotencyStore.builder(Postgres.connections()).table("no_such_table_here").build();
    assertThatThrownBy(() -> missing.claim("caller\u0000secret-key-value", "fp"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no_such_table_here")
        .hasMessageContaining("failed: SQL state 42P01")
        .hasMessageNotContaining("secret-key-value");
  }

  /** A clock the test moves. */
  static final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;

    MutableClock(Instant start) {
      this.now = new AtomicReference<>(start);
    }

    void advance(Duration duration) {
      now.updateAndGet(instant -> instant.plus(duration));
    }

    @Override
    public Instant instant() {
      return now.get();
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
