package dev.worldsapi.server.idempotency.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldsapi.server.idempotency.IdempotencyStore;
import dev.worldsapi.server.idempotency.IdempotencyStore.Claim;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
  void aKeyIsGrantedOnceThenInProgressThenReplayedAsTheAnswersBytes() {
    IdempotencyStore.Granted grant = granted(store.claim("caller\u0000key", "fp"));
    assertThat(store.claim("caller\u0000key", "fp"))
        .isInstanceOf(IdempotencyStore.InProgress.class);

    byte[] answer = "{\"id\": \"job-1\",  \"progress\": 0.50}".getBytes(StandardCharsets.UTF_8);
    assertThat(store.complete(grant, 200, answer)).isTrue();

    Claim replay = store.claim("caller\u0000key", "fp");
    assertThat(replay).isInstanceOf(IdempotencyStore.Replay.class);
    assertThat(((IdempotencyStore.Replay) replay).status()).isEqualTo(200);
    assertThat(((IdempotencyStore.Replay) replay).json()).isEqualTo(answer);
  }

  @Test
  void anotherFingerprintIsAMismatchWhileRunningAndAfter() {
    IdempotencyStore.Granted grant = granted(store.claim("k", "fp-1"));
    assertThat(store.claim("k", "fp-2")).isInstanceOf(IdempotencyStore.Mismatch.class);
    store.complete(grant, 200, JOB);
    assertThat(store.claim("k", "fp-2")).isInstanceOf(IdempotencyStore.Mismatch.class);
  }

  @Test
  void aReleasedKeyIsGrantedAgainAndLeavesNoRow() {
    assertThat(store.release(granted(store.claim("k", "fp")))).isTrue();
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
    store.complete(granted(store.claim("k", "fp")), 200, JOB);

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
    IdempotencyStore.Granted first = granted(lost.claim("k", "fp"));

    clock.advance(Duration.ofMinutes(4));
    assertThat(other.claim("k", "fp")).isInstanceOf(IdempotencyStore.InProgress.class);
    clock.advance(Duration.ofMinutes(2));
    IdempotencyStore.Granted taker = granted(other.claim("k", "fp"));

    assertThat(lost.complete(first, 200, json("from-the-lost-instance"))).isFalse();
    assertThat(lost.release(first)).isFalse();
    assertThat(other.claim("k", "fp")).isInstanceOf(IdempotencyStore.InProgress.class);
    assertThat(other.complete(taker, 200, json("from-the-other"))).isTrue();
    assertThat(((IdempotencyStore.Replay) other.claim("k", "fp")).json())
        .isEqualTo(json("from-the-other"));
  }

  @Test
  void onOneInstanceALateAnswerOrFailureOfATakenOverClaimChangesNothing() {
    // The same store, as one instance: its first request outlives the in-flight timeout.
    IdempotencyStore.Granted first = granted(store.claim("k", "fp"));
    clock.advance(Duration.ofMinutes(6));
    IdempotencyStore.Granted taker = granted(store.claim("k", "fp"));
    assertThat(store.complete(taker, 200, json("the-takers-job"))).isTrue();

    assertThat(store.complete(first, 200, json("the-late-job"))).isFalse();
    assertThat(store.release(first)).isFalse();

    assertThat(((IdempotencyStore.Replay) store.claim("k", "fp")).json())
        .isEqualTo(json("the-takers-job"));
  }

  @Test
  void eightStoresCreatingOneNewTableAtOnceAllSucceed() throws Exception {
    int stores = 8;
    ExecutorService threads = Executors.newFixedThreadPool(stores);
    try {
      for (int round = 0; round < 20; round++) {
        String fresh = Postgres.freshTable();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> creates = new ArrayList<>();
        for (int i = 0; i < stores; i++) {
          JdbcIdempotencyStore instance =
              JdbcIdempotencyStore.builder(Postgres.connections()).table(fresh).build();
          creates.add(
              threads.submit(
                  () -> {
                    start.await();
                    instance.createTableIfMissing();
                    return null;
                  }));
        }
        start.countDown();
        try {
          for (Future<?> create : creates) {
            create.get(); // throws what a create threw
          }
          assertThat(Postgres.count(fresh)).isZero();
        } finally {
          Postgres.execute("DROP TABLE IF EXISTS " + fresh);
        }
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void completingRetriesADatabaseThatIsAwayForAWhile() {
    FlakySource flaky = new FlakySource();
    JdbcIdempotencyStore flakyStore = storeOn(flaky, Duration.ofSeconds(30));
    IdempotencyStore.Granted grant = granted(flakyStore.claim("k", "fp"));

    flaky.failNext(3); // the database restarts: three connections refused, then it is back
    assertThat(flakyStore.complete(grant, 200, JOB)).isTrue();

    assertThat(flaky.refused()).isEqualTo(3);
    assertThat(((IdempotencyStore.Replay) store.claim("k", "fp")).json()).isEqualTo(JOB);
  }

  @Test
  void completingGivesUpAfterItsTimeoutNamingTheClaimNotTheKey() {
    FlakySource flaky = new FlakySource();
    JdbcIdempotencyStore flakyStore = storeOn(flaky, Duration.ofMillis(300));
    IdempotencyStore.Granted grant = granted(flakyStore.claim("caller\u0000secret-key", "fp"));

    flaky.failNext(Integer.MAX_VALUE);
    assertThatThrownBy(() -> flakyStore.complete(grant, 200, JOB))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(grant.claimId())
        .hasMessageContaining(grant.keyHash())
        .hasMessageContaining("SQL state 08001")
        .hasMessageNotContaining("secret-key");
    // The key stays claimed: a retry meanwhile is told the request is in progress.
    assertThat(store.claim("caller\u0000secret-key", "fp"))
        .isInstanceOf(IdempotencyStore.InProgress.class);
  }

  @Test
  void aFailureThatCannotPassIsNotRetried() {
    IdempotencyStore.Granted grant = granted(store.claim("k", "fp"));
    Postgres.execute("DROP TABLE " + table);
    java.util.concurrent.atomic.AtomicInteger connections =
        new java.util.concurrent.atomic.AtomicInteger();
    JdbcIdempotencyStore.ConnectionSource real = Postgres.connections();
    JdbcIdempotencyStore patient =
        JdbcIdempotencyStore.builder(
                () -> {
                  connections.incrementAndGet();
                  return real.get();
                })
            .table(table)
            .clock(clock)
            .completionTimeout(Duration.ofMinutes(10))
            .build();

    assertThatThrownBy(() -> patient.complete(grant, 200, JOB))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SQL state 42P01");
    assertThat(connections.get()).as("attempts at a missing table").isEqualTo(1);
  }

  private JdbcIdempotencyStore storeOn(FlakySource source, Duration completionTimeout) {
    return JdbcIdempotencyStore.builder(source)
        .table(table)
        .clock(clock)
        .completionTimeout(completionTimeout)
        .build();
  }

  private static final byte[] JOB = json("job-1");

  private static byte[] json(String id) {
    return ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  private static IdempotencyStore.Granted granted(Claim claim) {
    assertThat(claim).isInstanceOf(IdempotencyStore.Granted.class);
    return (IdempotencyStore.Granted) claim;
  }

  /** Connections from the test's database, or refused (SQL state 08001) while told to. */
  static final class FlakySource implements JdbcIdempotencyStore.ConnectionSource {
    private final JdbcIdempotencyStore.ConnectionSource real = Postgres.connections();
    private final java.util.concurrent.atomic.AtomicInteger failures =
        new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger refused =
        new java.util.concurrent.atomic.AtomicInteger();

    void failNext(int count) {
      failures.set(count);
    }

    int refused() {
      return refused.get();
    }

    @Override
    public java.sql.Connection get() throws java.sql.SQLException {
      if (failures.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
        refused.incrementAndGet();
        throw new java.sql.SQLException("the database is restarting", "08001");
      }
      return real.get();
    }
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
