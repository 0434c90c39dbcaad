package dev.worldsapi.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.worldsapi.client.model.CreateWorldManifestRequest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

class LoggingRedactionTest {

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Logger httpLogger = (Logger) LoggerFactory.getLogger("dev.worldsapi.client.http");

  @BeforeEach
  void capture() {
    appender.start();
    httpLogger.addAppender(appender);
  }

  @AfterEach
  void release() {
    httpLogger.detachAppender(appender);
  }

  @Test
  void mostVerboseLoggingNeverShowsTheToken() {
    server.stubFor(
        get(urlPathEqualTo(TestClients.JOBS + "/job-1"))
            .willReturn(okJson(TestClients.job("job-1", "queued"))));
    server.stubFor(
        post(urlPathEqualTo("/api/v1/org/acme/ws/lab/worlds/manifests"))
            .willReturn(
                aResponse()
                    .withStatus(422)
                    .withHeader("Content-Type", "application/json")
                    .withBody(TestClients.envelope(422, "Validation error", "validation_error"))));
    server.stubFor(
        get(urlPathEqualTo(TestClients.JOBS + "/job-2"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    WorldsClient client =
        TestClients.against(server, new FakeTime()).logLevel(LogLevel.BODY).build();

    client.jobs().get("job-1");
    Throwable rejected =
        catchThrowable(
            () ->
                client
                    .manifests()
                    .create(CreateWorldManifestRequest.builder().name("lab").build()));
    Throwable reset = catchThrowable(() -> client.jobs().get("job-2"));

    List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertThat(lines)
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("--> GET " + server.baseUrl() + TestClients.JOBS + "/job-1"))
        .anySatisfy(line -> assertThat(line).isEqualTo("> Authorization: <redacted>"))
        .anySatisfy(line -> assertThat(line).contains("\"name\":\"lab\""))
        .anySatisfy(line -> assertThat(line).contains("<-- 422"))
        .anySatisfy(line -> assertThat(line).contains("failed after"))
        .noneSatisfy(line -> assertThat(line).contains(TestClients.TOKEN));
    for (Throwable thrown : List.of(rejected, reset)) {
      assertThat(thrown).isNotNull();
      assertThat(thrown.toString()).doesNotContain(TestClients.TOKEN);
      assertThat(thrown).hasMessageNotContaining(TestClients.TOKEN);
    }
    assertThat(client.toString()).doesNotContain(TestClients.TOKEN);
  }

  @Test
  void logsNothingByDefault() {
    server.stubFor(
        get(urlPathEqualTo(TestClients.JOBS + "/job-1"))
            .willReturn(okJson(TestClients.job("job-1", "queued"))));

    TestClients.against(server, new FakeTime()).build().jobs().get("job-1");

    assertThat(appender.list).isEmpty();
  }
}
