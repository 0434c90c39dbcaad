package dev.worldsapi.client.waiting;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.worldsapi.client.FakeTime;
import dev.worldsapi.client.TestClients;
import dev.worldsapi.client.WorldsClient;
import dev.worldsapi.client.errors.NotFoundException;
import dev.worldsapi.client.model.JobStatus;
import dev.worldsapi.client.model.WorldJob;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JobWaiterTest {

  private static final String JOB = TestClients.JOBS + "/job-1";

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final FakeTime time = new FakeTime();
  // The waiter's own handling of 429 is under test, so the HTTP layer must not retry it first.
  private final WorldsClient client = TestClients.against(server, time).maxRetries(0).build();

  @ParameterizedTest(name = "ends on {0}")
  @ValueSource(strings = {"completed", "failed", "cancelled"})
  void returnsTheJobOnEachTerminalStatus(String terminal) {
    respondInTurn(
        okJson(TestClients.job("job-1", "queued")),
        okJson(TestClients.job("job-1", "running")),
        okJson(TestClients.job("job-1", terminal)));

    WorldJob job = client.jobs().waitFor("job-1");

    assertThat(job.getStatus()).isEqualTo(JobStatus.of(terminal));
    assertThat(job.getStatus().known())
        .hasValueSatisfying(known -> assertThat(known.name()).isEqualToIgnoringCase(terminal));
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
    server.verify(3, getRequestedFor(urlPathEqualTo(JOB)));
  }

  @Test
  void timesOutWithoutCancellingTheJob() {
    server.stubFor(
        get(urlPathEqualTo(JOB)).willReturn(okJson(TestClients.job("job-1", "running"))));

    JobWaitTimeoutException thrown =
        catchThrowableOfType(
            JobWaitTimeoutException.class,
            () -> client.jobs().waiter().withTimeout(Duration.ofSeconds(12)).waitFor("job-1"));

    assertThat(thrown.lastSeen().getStatus()).isEqualTo(JobStatus.RUNNING);
    assertThat(thrown.timeout()).isEqualTo(Duration.ofSeconds(12));
    assertThat(thrown.getMessage()).contains("job-1", "running", "not cancelled");
    // Polls at 0, 5, 10 and, last, at the deadline itself.
    assertThat(time.sleeps())
        .containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(2));
    server.verify(4, getRequestedFor(urlPathEqualTo(JOB)));
    server.verify(0, postRequestedFor(urlPathMatching(".*/cancel")));
  }

  @Test
  void backsOffOn429ThenCarriesOn() {
    respondInTurn(
        aResponse().withStatus(429),
        aResponse().withStatus(429),
        okJson(TestClients.job("job-1", "completed")));

    WorldJob job = client.jobs().waiter().withPollInterval(Duration.ofSeconds(2)).waitFor("job-1");

    assertThat(job.getStatus()).isEqualTo(JobStatus.COMPLETED);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(8));
  }

  @Test
  void waitsForTheServersRetryAfterOn429() {
    respondInTurn(
        aResponse().withStatus(429).withHeader("Retry-After", "7"),
        okJson(TestClients.job("job-1", "failed")));

    WorldJob job = client.jobs().waitFor("job-1");

    assertThat(job.getStatus()).isEqualTo(JobStatus.FAILED);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void keepsPollingAStatusItDoesNotKnow() {
    respondInTurn(
        okJson(TestClients.job("job-1", "paused")), okJson(TestClients.job("job-1", "completed")));

    assertThat(client.jobs().waitFor("job-1").getStatus()).isEqualTo(JobStatus.COMPLETED);
    server.verify(2, getRequestedFor(urlPathEqualTo(JOB)));
  }

  @Test
  void otherFailuresReachTheCaller() {
    server.stubFor(
        get(urlPathEqualTo(JOB))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withBody(TestClients.envelope(404, "Job not found", "not_found_error"))));

    NotFoundException thrown =
        catchThrowableOfType(NotFoundException.class, () -> client.jobs().waitFor("job-1"));

    assertThat(thrown.detail()).isEqualTo("Job not found");
    server.verify(1, anyRequestedFor(urlPathEqualTo(JOB)));
  }

  private static void respondInTurn(ResponseDefinitionBuilder... responses) {
    for (int i = 0; i < responses.length; i++) {
      server.stubFor(
          get(urlPathEqualTo(JOB))
              .inScenario("poll")
              .whenScenarioStateIs(i == 0 ? STARTED : "poll " + i)
              .willReturn(responses[i])
              .willSetStateTo("poll " + (i + 1)));
    }
  }
}
