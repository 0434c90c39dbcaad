package dev.worldsapi.client.waiting;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.worldsapi.client.FakeTime;
import dev.worldsapi.client.TestClients;
import dev.worldsapi.client.WorldsClient;
import dev.worldsapi.client.model.JobStatus;
import dev.worldsapi.client.model.WorldJob;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The waiter against a server that answers 429 without {@code Retry-After} or a status it does not
 * know, stubbed by hand; waiting for the reference server's jobs is tested in the test kit's {@code
 * JobWaiterOnTheServerTest}.
 */
class JobWaiterTest {

  private static final String JOB = TestClients.JOBS + "/job-1";

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final FakeTime time = new FakeTime();
  // The waiter's own handling of 429 is under test, so the HTTP layer must not retry it first.
  private final WorldsClient client = TestClients.against(server, time).maxRetries(0).build();

  @Test
  void backsOffOn429ThenCarriesOn() {
    respondInTurn(
        aResponse().withStatus(429),
        aResponse().withStatus(429),
        okJson(TestClients.job("job-1", "completed")));

    WorldJob job = client.jobs().waiter().withPollInterval(Duration.ofSeconds(2)).waitFor("job-1");

    assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(8));
  }

  @Test
  void keepsPollingAStatusItDoesNotKnow() {
    respondInTurn(
        okJson(TestClients.job("job-1", "paused")), okJson(TestClients.job("job-1", "completed")));

    assertThat(client.jobs().waitFor("job-1").status()).isEqualTo(JobStatus.COMPLETED);
    server.verify(2, getRequestedFor(urlPathEqualTo(JOB)));
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
