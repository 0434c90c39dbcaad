package dev.worldsapi.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.worldsapi.client.errors.UnexpectedStatusException;
import dev.worldsapi.client.errors.WorldsTimeoutException;
import dev.worldsapi.client.model.CreateWorldManifestRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Per-call options and derived clients, as the server sees them. */
class RequestOptionsTest {

  private static final String JOB = TestClients.JOBS + "/job-1";
  private static final String CREATE = "/api/v1/org/acme/ws/lab/worlds/manifests";

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final FakeTime time = new FakeTime();
  private final WorldsClient client = TestClients.against(server, time).build();

  @Test
  void aCallsHeadersAndQueryParametersAreSentWithItsOwn() {
    server.stubFor(get(urlPathEqualTo(JOB)).willReturn(okJson(TestClients.job("job-1", "queued"))));

    client
        .jobs()
        .get(
            "job-1",
            RequestOptions.builder()
                .header("X-Trace-Id", "trace-7")
                .queryParam("tenant hint", "a&b")
                .build());

    server.verify(
        getRequestedFor(urlPathEqualTo(JOB))
            .withHeader("X-Trace-Id", equalTo("trace-7"))
            .withQueryParam("tenant hint", equalTo("a&b"))
            .withHeader("Authorization", equalTo("Bearer " + TestClients.TOKEN)));
  }

  @Test
  void aCallsMaxRetriesReplacesThePolicys() {
    server.stubFor(get(urlPathEqualTo(JOB)).willReturn(aResponse().withStatus(503)));

    assertThatThrownBy(
            () -> client.jobs().get("job-1", RequestOptions.builder().maxRetries(0).build()))
        .isInstanceOfSatisfying(
            UnexpectedStatusException.class, e -> assertThat(e.attempts()).isEqualTo(1));
    server.verify(1, getRequestedFor(urlPathEqualTo(JOB)));
  }

  @Test
  void aCallsTimeoutBoundsItsResponse() {
    server.stubFor(
        get(urlPathEqualTo(JOB))
            .willReturn(okJson(TestClients.job("job-1", "queued")).withFixedDelay(2_000)));

    assertThatThrownBy(
            () ->
                client
                    .jobs()
                    .get(
                        "job-1",
                        RequestOptions.builder()
                            .timeout(Duration.ofMillis(200))
                            .maxRetries(0)
                            .build()))
        .isInstanceOf(WorldsTimeoutException.class)
        .hasMessageContaining("read timeout of 200 ms");
  }

  @Test
  void aCallsIdempotencyKeyReplacesTheFreshOne() {
    server.stubFor(
        post(urlPathEqualTo(CREATE)).willReturn(okJson(TestClients.job("job-3", "queued"))));

    client
        .manifests()
        .create(
            CreateWorldManifestRequest.builder().build(),
            RequestOptions.builder().idempotencyKey("order-4711-manifest").build());

    server.verify(
        postRequestedFor(urlPathEqualTo(CREATE))
            .withHeader("Idempotency-Key", equalTo("order-4711-manifest")));
  }

  @Test
  void aDerivedClientAppliesItsOptionsToEveryCallAndLeavesTheOriginalAlone() {
    server.stubFor(get(urlPathEqualTo(JOB)).willReturn(okJson(TestClients.job("job-1", "queued"))));
    WorldsClient traced =
        client.withOptions(RequestOptions.builder().header("X-Trace-Id", "trace-9").build());

    traced.jobs().get("job-1");
    traced.jobs().get("job-1", RequestOptions.builder().header("X-Trace-Id", "override").build());
    client.jobs().get("job-1");

    server.verify(
        1, getRequestedFor(urlPathEqualTo(JOB)).withHeader("X-Trace-Id", equalTo("trace-9")));
    server.verify(
        1, getRequestedFor(urlPathEqualTo(JOB)).withHeader("X-Trace-Id", equalTo("override")));
    server.verify(1, getRequestedFor(urlPathEqualTo(JOB)).withHeader("X-Trace-Id", absent()));
  }

  @Test
  void badOptionsAreRefusedWithASentence() {
    assertThatThrownBy(() -> RequestOptions.builder().header("Authorization", "Bearer x"))
        .hasMessage(
            "Authorization is set by the client: the token with token(...), the key with"
                + " idempotencyKey(...)");
    assertThatThrownBy(() -> RequestOptions.builder().timeout(Duration.ZERO))
        .hasMessage("timeout must be positive, got PT0S");
    assertThatThrownBy(
            () -> client.withOptions(RequestOptions.builder().idempotencyKey("k").build()))
        .hasMessage("an idempotency key belongs to one create: pass it with that call's options");
    assertThat(RequestOptions.builder().header("X-Secret", "s3").build().toString())
        .doesNotContain("s3");
  }
}
