package dev.worldsapi.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.worldsapi.client.errors.NotFoundException;
import dev.worldsapi.client.model.WorldJob;
import dev.worldsapi.client.retry.Sleeper;
import dev.worldsapi.client.waiting.JobWaitTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The async view: the same operations as futures, cancellable, with waits that hold no thread. */
class AsyncClientTest {

  private static final String JOB = TestClients.JOBS + "/job-1";

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final AtomicInteger tasks = new AtomicInteger();
  private final FakeTime time = new FakeTime();
  private final WorldsClient client =
      TestClients.against(server, time)
          .asyncExecutor(
              task -> {
                tasks.incrementAndGet();
                executor.execute(task);
              })
          .build();

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void aFailureCompletesTheFutureWithTheSameExceptionAsTheBlockingCall() {
    server.stubFor(
        get(urlPathEqualTo(JOB))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(TestClients.envelope(404, "Job not found", "not_found_error"))));

    assertThatThrownBy(() -> client.async().jobs().get("job-1").get())
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(NotFoundException.class);
  }

  @Test
  void cancellingAFutureCancelsItsExchange() throws Exception {
    server.stubFor(
        get(urlPathEqualTo(JOB))
            .willReturn(okJson(TestClients.job("job-1", "queued")).withFixedDelay(5_000)));
    CompletableFuture<WorldJob> pending =
        client.async().jobs().get("job-1", RequestOptions.builder().maxRetries(0).build());
    // Cancel once the server holds the request, so the exchange is under way.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (server.findAll(getRequestedFor(urlPathEqualTo(JOB))).isEmpty()
        && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(server.findAll(getRequestedFor(urlPathEqualTo(JOB)))).hasSize(1);

    assertThat(pending.cancel(true)).isTrue();

    // The worker is free long before the server would have answered.
    executor.shutdown();
    assertThat(executor.awaitTermination(2, TimeUnit.SECONDS)).isTrue();
    assertThat(pending).isCancelled();
  }

  @Test
  void theWaiterPollsOnScheduleWithOneTaskPerPollAndNoThreadHeldBetween() throws Exception {
    jobGoesThrough("queued", "running", "completed");

    WorldJob done = waitPolling20ms(client);

    assertThat(done.status().value()).isEqualTo("completed");
    server.verify(3, getRequestedFor(urlPathEqualTo(JOB)));
    assertThat(tasks.get()).as("one executor task per poll").isEqualTo(3);
    // Between polls it waited through the client's sleeper, as the blocking waiter does.
    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(20), Duration.ofMillis(20));
  }

  @Test
  void theWaiterEndsWithATimeoutCarryingTheLastJob() {
    server.stubFor(
        get(urlPathEqualTo(JOB)).willReturn(okJson(TestClients.job("job-1", "running"))));

    assertThatThrownBy(
            () ->
                client
                    .async()
                    .jobs()
                    .waiter()
                    .withPollInterval(Duration.ofMillis(20))
                    .withTimeout(Duration.ofMillis(100))
                    .waitFor("job-1")
                    .get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(
            JobWaitTimeoutException.class,
            e -> assertThat(e.lastSeen().status().value()).isEqualTo("running"));
    // Polls at 0, 20, ... 100 ms of the client's clock, which only its sleeper moved.
    server.verify(6, getRequestedFor(urlPathEqualTo(JOB)));
    assertThat(time.sleeps()).hasSize(5).containsOnly(Duration.ofMillis(20));
  }

  @Test
  void withTheSystemSleeperTheWaiterPollsOnATimerUntilTheJobEnds() throws Exception {
    jobGoesThrough("running", "completed");
    WorldsClient real = client.toBuilder().clock(Clock.systemUTC()).sleeper(Sleeper.SYSTEM).build();

    WorldJob done = waitPolling20ms(real);

    assertThat(done.status().value()).isEqualTo("completed");
    server.verify(2, getRequestedFor(urlPathEqualTo(JOB)));
    assertThat(time.sleeps()).as("the fake sleeper of the other clients").isEmpty();
  }

  /**
   * Waits for job-1 through the async waiter, polling every 20 ms, for at most 5 s of real time.
   */
  private static WorldJob waitPolling20ms(WorldsClient client) throws Exception {
    return client
        .async()
        .jobs()
        .waiter()
        .withPollInterval(Duration.ofMillis(20))
        .waitFor("job-1")
        .get(5, TimeUnit.SECONDS);
  }

  /** job-1 answers each status in turn, one poll each, the last one from then on. */
  private static void jobGoesThrough(String... statuses) {
    for (int i = 0; i < statuses.length; i++) {
      var stub =
          get(urlPathEqualTo(JOB))
              .inScenario("job")
              .whenScenarioStateIs(i == 0 ? STARTED : statuses[i]);
      server.stubFor(
          i + 1 < statuses.length
              ? stub.willReturn(okJson(TestClients.job("job-1", statuses[i])))
                  .willSetStateTo(statuses[i + 1])
              : stub.willReturn(okJson(TestClients.job("job-1", statuses[i]))));
    }
  }
}
