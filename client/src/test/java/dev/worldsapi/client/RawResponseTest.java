package dev.worldsapi.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.worldsapi.client.errors.NotFoundException;
import dev.worldsapi.client.model.WorldJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The raw view of every operation: status, headers, request id and attempts, with the body. */
class RawResponseTest {

  private static final String JOB = TestClients.JOBS + "/job-1";

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final WorldsClient client = TestClients.against(server, new FakeTime()).build();

  @Test
  void aRawGetHasTheStatusHeadersRequestIdAttemptsAndBody() {
    server.stubFor(
        get(urlPathEqualTo(JOB))
            .inScenario("retry")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("retried"));
    server.stubFor(
        get(urlPathEqualTo(JOB))
            .inScenario("retry")
            .whenScenarioStateIs("retried")
            .willReturn(
                okJson(TestClients.job("job-1", "running"))
                    .withHeader("X-Request-Id", "req-42")
                    .withHeader("X-RateLimit-Remaining", "17")));

    RawResponse<WorldJob> raw = client.jobs().withRawResponse().get("job-1");

    assertThat(raw.status()).isEqualTo(200);
    assertThat(raw.requestId()).contains("req-42");
    assertThat(raw.header("x-ratelimit-remaining")).contains("17");
    assertThat(raw.attempts()).isEqualTo(2);
    assertThat(raw.parse().id()).isEqualTo("job-1");
  }

  @Test
  void aFailureIsThrownAsForThePlainCall() {
    server.stubFor(
        get(urlPathEqualTo(JOB))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(TestClients.envelope(404, "Job not found", "not_found_error"))));

    assertThatThrownBy(() -> client.jobs().withRawResponse().get("job-1"))
        .isInstanceOf(NotFoundException.class);
  }
}
