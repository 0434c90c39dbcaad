package dev.worldsapi.server.idempotency.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.worldsapi.server.idempotency.IdempotencyStore;
import dev.worldsapi.server.model.CreateWorldManifestRequest;
import dev.worldsapi.server.model.WorldJob;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * One instance whose first request with a key outlives the store's in-flight timeout, so that a
 * second request with the same key takes the key over on the same instance: the first request's
 * late answer or late failure must change nothing. Exactly two runs of the implementation, and the
 * key replays the answer of the request that took over.
 */
@EnabledIf(
    value = "dev.worldsapi.server.idempotency.jdbc.Postgres#named",
    disabledReason = "no PostgreSQL named")
class SameInstanceTakeoverTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcIdempotencyStoreTest.MutableClock clock =
      new JdbcIdempotencyStoreTest.MutableClock(Instant.now());
  private final FirstRequestWaits jobs = new FirstRequestWaits();
  private final JdbcIdempotencyStoreTest.FlakySource database =
      new JdbcIdempotencyStoreTest.FlakySource();
  private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private String table;
  private ServiceInstance instance;

  @BeforeEach
  void start() {
    table = Postgres.freshTable();
    JdbcIdempotencyStore store =
        JdbcIdempotencyStore.builder(database)
            .table(table)
            .clock(clock)
            .inFlightTimeout(Duration.ofMinutes(5))
            .completionTimeout(Duration.ofMillis(500))
            .build();
    store.createTableIfMissing();
    instance = ServiceInstance.start(jobs, store);
    FILTER_LOG.addHandler(capture);
  }

  @AfterEach
  void stop() throws Exception {
    FILTER_LOG.removeHandler(capture);
    jobs.letTheFirstGo.countDown();
    jobs.letTheTakerGo.countDown();
    instance.close();
    Postgres.execute("DROP TABLE IF EXISTS " + table);
  }

  private static final Logger FILTER_LOG =
      Logger.getLogger("dev.worldsapi.server.idempotency.IdempotencyFilter");

  @Test
  void theFirstRequestsLateAnswerDoesNotReplaceTheTakersAnswer() throws Exception {
    String key = UUID.randomUUID().toString();
    String body = "{\"name\": \"answers late\"}";
    CompletableFuture<HttpResponse<String>> first = startTheFirst(key, body);

    clock.advance(Duration.ofMinutes(6)); // past the in-flight timeout
    HttpResponse<String> taker = ServiceInstance.send(instance.create(key, body));
    assertThat(taker.statusCode()).isEqualTo(200);
    assertThat(taker.headers().firstValue("Idempotent-Replayed")).isEmpty();

    jobs.letTheFirstGo.countDown();
    HttpResponse<String> late = first.get(30, TimeUnit.SECONDS);
    assertThat(late.statusCode()).isEqualTo(200);
    assertThat(id(late)).isEqualTo("job-1");

    HttpResponse<String> again = ServiceInstance.send(instance.create(key, body));
    assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(again.body()).isEqualTo(taker.body());
    assertThat(id(again)).isEqualTo("job-2");
    assertThat(jobs.runs.get()).isEqualTo(2);
  }

  @Test
  void theFirstRequestsLateFailureDoesNotForgetTheTakersAnswer() throws Exception {
    String key = UUID.randomUUID().toString();
    String body = "{\"name\": \"fails late\"}";
    CompletableFuture<HttpResponse<String>> first = startTheFirst(key, body);

    clock.advance(Duration.ofMinutes(6));
    HttpResponse<String> taker = ServiceInstance.send(instance.create(key, body));
    assertThat(taker.statusCode()).isEqualTo(200);

    jobs.letTheFirstGo.countDown();
    assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(500);

    HttpResponse<String> again = ServiceInstance.send(instance.create(key, body));
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(id(again)).isEqualTo("job-2");
    assertThat(jobs.runs.get()).isEqualTo(2);
  }

  @Test
  void theFirstRequestsLateAnswerWhileTheTakerRunsDoesNotBecomeTheKeysAnswer() throws Exception {
    jobs.takerWaits = true;
    String key = UUID.randomUUID().toString();
    String body = "{\"name\": \"answers late\"}";
    CompletableFuture<HttpResponse<String>> first = startTheFirst(key, body);
    CompletableFuture<HttpResponse<String>> taker = takeOverWhileTheFirstRuns(key, body);

    jobs.letTheFirstGo.countDown();
    assertThat(id(first.get(30, TimeUnit.SECONDS))).isEqualTo("job-1");
    jobs.letTheTakerGo.countDown();
    HttpResponse<String> taken = taker.get(30, TimeUnit.SECONDS);
    assertThat(id(taken)).isEqualTo("job-2");

    HttpResponse<String> again = ServiceInstance.send(instance.create(key, body));
    assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(again.body()).as("the key replays what its taker answered").isEqualTo(taken.body());
    assertThat(jobs.runs.get()).isEqualTo(2);

    // The late answer is logged by its claim and the key's hash, never by the key.
    assertLoggedByHashNotKey(key, Level.WARNING, "taken over");
  }

  @Test
  void aDatabaseAwayWhenTheAnswerIsKeptStillAnswersTheCallerAndKeepsTheKeyClaimed()
      throws Exception {
    String key = UUID.randomUUID().toString();
    String body = "{\"name\": \"answers late\"}";
    CompletableFuture<HttpResponse<String>> first = startTheFirst(key, body);

    database.failNext(Integer.MAX_VALUE); // the database goes away while the request runs
    jobs.letTheFirstGo.countDown();
    HttpResponse<String> answered = first.get(30, TimeUnit.SECONDS);
    database.failNext(0); // and comes back

    assertThat(answered.statusCode()).isEqualTo(200);
    assertThat(id(answered)).isEqualTo("job-1");
    assertThat(database.refused()).isGreaterThan(1); // retried before giving up
    assertLoggedByHashNotKey(key, Level.SEVERE, "could not be kept");
    // Until the in-flight timeout the key stays claimed: a retry is told to wait, not run again.
    assertThat(ServiceInstance.send(instance.create(key, body)).statusCode()).isEqualTo(409);
    assertThat(jobs.runs.get()).isEqualTo(1);
  }

  /** Sends the first request with {@code key} and waits until the implementation runs it. */
  private CompletableFuture<HttpResponse<String>> startTheFirst(String key, String body)
      throws InterruptedException {
    CompletableFuture<HttpResponse<String>> first =
        ServiceInstance.sendAsync(instance.create(key, body));
    assertThat(jobs.firstIsRunning.await(30, TimeUnit.SECONDS)).isTrue();
    return first;
  }

  /**
   * Moves past the in-flight timeout and sends a second request with {@code key}, which takes the
   * key over; waits until the implementation runs it.
   */
  private CompletableFuture<HttpResponse<String>> takeOverWhileTheFirstRuns(String key, String body)
      throws InterruptedException {
    clock.advance(Duration.ofMinutes(6));
    CompletableFuture<HttpResponse<String>> taker =
        ServiceInstance.sendAsync(instance.create(key, body));
    assertThat(jobs.takerIsRunning.await(30, TimeUnit.SECONDS)).isTrue();
    return taker;
  }

  /** A record at {@code level} saying {@code what} names the key's hash; none names the key. */
  private void assertLoggedByHashNotKey(String key, Level level, String what) {
    String hash = IdempotencyStore.keyHash("user-1\u0000" + key);
    assertThat(logged)
        .anySatisfy(
            record -> {
              assertThat(record.getLevel()).isEqualTo(level);
              assertThat(formatted(record)).contains(hash).contains(what);
            });
    assertThat(logged).noneSatisfy(record -> assertThat(formatted(record)).contains(key));
  }

  private static String formatted(LogRecord record) {
    return new SimpleFormatter().formatMessage(record);
  }

  @Test
  void theTakersRequestStillRunningIsNotReleasedByTheFirstsLateFailure() throws Exception {
    // The first fails late while the taker still runs: a third request is told to wait (409),
    // not run a third time.
    jobs.takerWaits = true;
    String key = UUID.randomUUID().toString();
    String body = "{\"name\": \"fails late\"}";
    CompletableFuture<HttpResponse<String>> first = startTheFirst(key, body);
    CompletableFuture<HttpResponse<String>> taker = takeOverWhileTheFirstRuns(key, body);

    jobs.letTheFirstGo.countDown();
    assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(500);
    HttpResponse<String> third = ServiceInstance.send(instance.create(key, body));
    assertThat(third.statusCode()).isEqualTo(409);

    jobs.letTheTakerGo.countDown();
    assertThat(taker.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(id(ServiceInstance.send(instance.create(key, body)))).isEqualTo("job-2");
    assertThat(jobs.runs.get()).isEqualTo(2);
  }

  private static String id(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body()).path("id").asText();
  }

  /**
   * Numbers its runs; the first waits until the test lets it go, then answers (job-1) or, for a
   * name starting "fails", fails. With {@code takerWaits}, the second waits too.
   */
  static final class FirstRequestWaits extends ManifestsOnly {
    final AtomicInteger runs = new AtomicInteger();
    final CountDownLatch firstIsRunning = new CountDownLatch(1);
    final CountDownLatch letTheFirstGo = new CountDownLatch(1);
    final CountDownLatch takerIsRunning = new CountDownLatch(1);
    final CountDownLatch letTheTakerGo = new CountDownLatch(1);
    volatile boolean takerWaits;

    @Override
    public WorldJob createWorldManifest(
        String org, String workspace, CreateWorldManifestRequest request, String idempotencyKey) {
      int run = runs.incrementAndGet();
      if (run == 1) {
        firstIsRunning.countDown();
        await(letTheFirstGo);
        if (request.getName().startsWith("fails")) {
          throw new IllegalStateException("the first request fails, late");
        }
      } else if (run == 2 && takerWaits) {
        takerIsRunning.countDown();
        await(letTheTakerGo);
      }
      return job("job-" + run, org, workspace);
    }

    private static void await(CountDownLatch latch) {
      try {
        if (!latch.await(60, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the test did not let the request go");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
