package dev.worldsapi.client.retry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.worldsapi.client.FakeTime;
import dev.worldsapi.client.TestClients;
import dev.worldsapi.client.WorldsClient;
import dev.worldsapi.client.errors.BadGatewayException;
import dev.worldsapi.client.errors.RateLimitException;
import dev.worldsapi.client.errors.UnexpectedStatusException;
import dev.worldsapi.client.errors.WorldsTransportException;
import dev.worldsapi.client.model.CreateWorldManifestRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The retry branches the reference server cannot provoke (503, 408, an HTTP-date {@code
 * Retry-After}, a {@code RateLimit} without it, a refused connection, backoff caps), against a
 * stubbed HTTP server, with recorded waits instead of sleeping; the others run against the
 * reference server in the test kit's {@code RetriesOnTheServerTest}.
 */
class RetryBehaviourTest {

  private static final String JOB = TestClients.JOBS + "/job-1";
  private static final String CREATE = "/api/v1/org/acme/ws/lab/worlds/manifests";

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final FakeTime time = new FakeTime();
  private final RetryPolicy noJitter = RetryPolicy.builder().jitter(0).build();
  private final WorldsClient client =
      TestClients.against(server, time).retryPolicy(noJitter).build();

  @Test
  void retriesOn429HonouringRetryAfterHttpDate() {
    failOnceThen(
        () -> get(urlPathEqualTo(JOB)),
        aResponse().withStatus(429).withHeader("Retry-After", "Mon, 05 Jan 2026 10:00:12 GMT"),
        okJson(TestClients.job("job-1", "queued")));

    client.jobs().get("job-1");

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(12));
    server.verify(2, getRequestedFor(urlPathEqualTo(JOB)));
  }

  @Test
  void retriesOn429WithoutRetryAfterWaitingWhatRateLimitSaysOfTheExhaustedPolicy() {
    failOnceThen(
        () -> get(urlPathEqualTo(JOB)),
        aResponse()
            .withStatus(429)
            .withHeader("RateLimit-Policy", "\"burst\";q=10;w=1, \"per-caller\";q=100;w=60")
            .withHeader("RateLimit", "\"burst\";r=4;t=1, \"per-caller\";r=0;t=17"),
        okJson(TestClients.job("job-1", "queued")));

    client.jobs().get("job-1");

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(17));
    server.verify(2, getRequestedFor(urlPathEqualTo(JOB)));
  }

  @Test
  void retriesGetOn408ButNotACancel() {
    failOnceThen(
        () -> get(urlPathEqualTo(JOB)),
        aResponse().withStatus(408),
        okJson(TestClients.job("job-1", "queued")));

    client.jobs().get("job-1");

    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500));
    assertThat(noJitter.afterStatus("POST", 408, null, 0, java.time.Instant.EPOCH)).isEmpty();
  }

  @Test
  void retriesGetOn503ThenSucceeds() {
    failOnceThen(
        () -> get(urlPathEqualTo(JOB)),
        aResponse().withStatus(503),
        okJson(TestClients.job("job-1", "running")));

    assertThat(client.jobs().get("job-1").status().value()).isEqualTo("running");
    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500));
    server.verify(2, getRequestedFor(urlPathEqualTo(JOB)));
  }

  @Test
  void retriesPostWhenTheConnectionIsRefused() throws IOException {
    WorldsClient refused = client.toBuilder().baseUrl("http://127.0.0.1:" + closedPort()).build();

    WorldsTransportException thrown =
        catchThrowableOfType(
            WorldsTransportException.class,
            () -> refused.manifests().create(CreateWorldManifestRequest.builder().build()));

    assertThat(thrown.requestMayHaveBeenSent()).isFalse();
    assertThat(thrown.getMessage()).contains("after 3 attempts");
    assertThat(thrown.attempts()).isEqualTo(3);
    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
  }

  @Test
  void stopsAfterTheAttemptLimit() {
    server.stubFor(get(urlPathEqualTo(JOB)).willReturn(aResponse().withStatus(503)));

    UnexpectedStatusException thrown =
        catchThrowableOfType(UnexpectedStatusException.class, () -> client.jobs().get("job-1"));

    assertThat(thrown.status()).isEqualTo(503);
    assertThat(thrown.attempts()).isEqualTo(3);
    server.verify(3, getRequestedFor(urlPathEqualTo(JOB)));
    assertThat(time.sleeps()).hasSize(2);
  }

  @Test
  void capsExponentialBackoff() {
    server.stubFor(get(urlPathEqualTo(JOB)).willReturn(aResponse().withStatus(502)));
    WorldsClient patient =
        client.toBuilder()
            .retryPolicy(
                noJitter.toBuilder()
                    .maxRetries(5)
                    .initialBackoff(Duration.ofSeconds(1))
                    .maxBackoff(Duration.ofSeconds(4))
                    .build())
            .build();

    catchThrowableOfType(BadGatewayException.class, () -> patient.jobs().get("job-1"));

    assertThat(time.sleeps())
        .containsExactly(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(4),
            Duration.ofSeconds(4));
    server.verify(6, getRequestedFor(urlPathEqualTo(JOB)));
  }

  @Test
  void doesNotWaitForARetryAfterLongerThanTheMaximum() {
    server.stubFor(
        get(urlPathEqualTo(JOB))
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

    RateLimitException thrown =
        catchThrowableOfType(RateLimitException.class, () -> client.jobs().get("job-1"));

    assertThat(thrown.retryAfter()).contains(Duration.ofHours(1));
    assertThat(time.sleeps()).isEmpty();
    server.verify(1, getRequestedFor(urlPathEqualTo(JOB)));
  }

  @Test
  void asksTheTokenSupplierAgainForEachAttempt() {
    failOnceThen(
        () -> get(urlPathEqualTo(JOB)),
        aResponse().withStatus(503),
        okJson(TestClients.job("job-1", "running")));
    int[] calls = {0};
    WorldsClient refreshing =
        client.toBuilder().tokenSupplier(() -> "rotating-" + (++calls[0])).build();

    refreshing.jobs().get("job-1");

    server.verify(
        getRequestedFor(urlPathEqualTo(JOB))
            .withHeader("Authorization", equalTo("Bearer rotating-1")));
    server.verify(
        getRequestedFor(urlPathEqualTo(JOB))
            .withHeader("Authorization", equalTo("Bearer rotating-2")));
  }

  private static void failOnceThen(
      Supplier<MappingBuilder> request,
      ResponseDefinitionBuilder failure,
      ResponseDefinitionBuilder success) {
    server.stubFor(
        request
            .get()
            .inScenario("retry")
            .whenScenarioStateIs(STARTED)
            .willReturn(failure)
            .willSetStateTo("failed once"));
    server.stubFor(
        request.get().inScenario("retry").whenScenarioStateIs("failed once").willReturn(success));
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
