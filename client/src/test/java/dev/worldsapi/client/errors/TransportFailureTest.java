package dev.worldsapi.client.errors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.worldsapi.client.FakeTime;
import dev.worldsapi.client.TestClients;
import dev.worldsapi.client.WorldsClient;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Failures without a usable answer end in a transport or decode exception, within the configured
 * timeout; {@code assertTimeoutPreemptively} turns a hang into a failure.
 */
class TransportFailureTest {

  private static final String JOB = TestClients.JOBS + "/job-1";
  private static final Duration NEVER_HANG = Duration.ofSeconds(10);

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final WorldsClient client =
      TestClients.against(server, new FakeTime())
          .maxRetries(0)
          .readTimeout(Duration.ofMillis(300))
          .build();

  @Test
  void connectionRefusedIsATransportFailureOfARequestNeverSent() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    WorldsClient refused = client.toBuilder().baseUrl("http://127.0.0.1:" + port).build();

    assertTimeoutPreemptively(
        NEVER_HANG,
        () ->
            assertThatThrownBy(() -> refused.jobs().get("job-1"))
                .isInstanceOfSatisfying(
                    WorldsTransportException.class,
                    e -> assertThat(e.requestMayHaveBeenSent()).isFalse())
                .hasCauseInstanceOf(ConnectException.class)
                .hasMessageContaining("GET http://127.0.0.1:" + port + JOB));
  }

  @Test
  void responseSlowerThanTheReadTimeoutIsATimeout() {
    server.stubFor(
        get(urlPathEqualTo(JOB))
            .willReturn(okJson(TestClients.job("job-1", "queued")).withFixedDelay(3_000)));

    long start = System.nanoTime();
    assertTimeoutPreemptively(
        NEVER_HANG,
        () ->
            assertThatThrownBy(() -> client.jobs().get("job-1"))
                .isInstanceOf(WorldsTimeoutException.class)
                .hasMessageContaining("read timeout of 300 ms"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_500));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"the JDK transport", "feign.Client.Default"})
  void bodyTrickledPastTheReadTimeoutIsATimeoutWhateverTheTransport(String transport) {
    server.stubFor(
        get(urlPathEqualTo(JOB))
            .willReturn(
                okJson(TestClients.job("job-1", "queued")).withChunkedDribbleDelay(20, 3_000)));
    // Feign's default client bounds each read, not the response: every chunk comes in time.
    WorldsClient trickled =
        transport.equals("feign.Client.Default")
            ? client.toBuilder().httpClient(new feign.Client.Default(null, null)).build()
            : client;

    long start = System.nanoTime();
    assertTimeoutPreemptively(
        NEVER_HANG,
        () ->
            assertThatThrownBy(() -> trickled.jobs().get("job-1"))
                .isInstanceOf(WorldsTimeoutException.class)
                .hasMessageContaining("read timeout of 300 ms"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_500));
  }

  @Test
  void truncatedJsonIsADecodeFailure() {
    server.stubFor(
        get(urlPathEqualTo(JOB))
            .willReturn(okJson("{\"id\": \"job-1\", \"kind\": \"manifest_gen")));

    assertTimeoutPreemptively(
        NEVER_HANG,
        () ->
            assertThatThrownBy(() -> client.jobs().get("job-1"))
                .isInstanceOf(WorldsDecodeException.class)
                .hasMessageContaining("HTTP 200 from GET " + JOB)
                .hasMessageContaining("not the expected JSON"));
  }

  @Test
  void emptySuccessfulBodyIsADecodeFailure() {
    server.stubFor(get(urlPathEqualTo(JOB)).willReturn(aResponse().withStatus(200)));

    assertThatThrownBy(() -> client.jobs().get("job-1"))
        .isInstanceOf(WorldsDecodeException.class)
        .hasMessageContaining("empty body");
  }

  @ParameterizedTest
  @EnumSource(Fault.class)
  void garbledOrBrokenResponsesAreTransportFailures(Fault fault) {
    server.stubFor(get(urlPathEqualTo(JOB)).willReturn(aResponse().withFault(fault)));

    assertTimeoutPreemptively(
        NEVER_HANG,
        () ->
            assertThatThrownBy(() -> client.jobs().get("job-1"))
                .isInstanceOf(WorldsTransportException.class)
                .hasMessageContaining("GET " + server.baseUrl() + JOB)
                .hasMessageNotContaining(TestClients.TOKEN));
  }
}
