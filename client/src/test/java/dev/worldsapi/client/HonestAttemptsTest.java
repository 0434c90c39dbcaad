package dev.worldsapi.client;

import static dev.worldsapi.client.ScriptedServer.closeWithoutAnswer;
import static dev.worldsapi.client.ScriptedServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldsapi.client.errors.WorldsTransportException;
import dev.worldsapi.client.model.CreateWorldManifestRequest;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With the default transport, the server receives exactly as many requests as the client counts
 * attempts: a connection closed before any response byte is one attempt, never resent behind the
 * retry policy's back. (The JDK's own HTTP clients resend a GET once in that case.)
 */
class HonestAttemptsTest {

  private final ScriptedServer server = new ScriptedServer();
  private final FakeTime time = new FakeTime();

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  private WorldsClient client(int maxRetries) {
    return WorldsClient.builder()
        .baseUrl(server.baseUrl())
        .token(TestClients.TOKEN)
        .workspace("acme", "lab")
        .readTimeout(Duration.ofSeconds(5))
        .maxRetries(maxRetries)
        .clock(time)
        .sleeper(time)
        .build();
  }

  @ParameterizedTest(name = "maxRetries({0})")
  @ValueSource(ints = {0, 1, 3})
  void aGetTheServerClosesOnEveryTimeReachesItOncePerAttempt(int maxRetries) {
    for (int i = 0; i <= maxRetries; i++) {
      server.then(closeWithoutAnswer());
    }

    assertThatThrownBy(() -> client(maxRetries).jobs().get("job-1"))
        .isInstanceOfSatisfying(
            WorldsTransportException.class, e -> assertThat(e.attempts()).isEqualTo(maxRetries + 1))
        .hasMessageContaining("GET http://127.0.0.1:" + server.port());
    assertThat(server.received()).hasSize(maxRetries + 1);
  }

  @Test
  void aCreateTheServerClosesOnReachesItOncePerAttemptWithOneKey() {
    server.then(closeWithoutAnswer(), closeWithoutAnswer(), closeWithoutAnswer());

    assertThatThrownBy(
            () -> client(2).manifests().create(CreateWorldManifestRequest.builder().build()))
        .isInstanceOfSatisfying(
            WorldsTransportException.class, e -> assertThat(e.attempts()).isEqualTo(3));
    assertThat(server.received()).hasSize(3);
    assertThat(server.received())
        .extracting(request -> request.header("Idempotency-Key"))
        .doesNotContainNull()
        .containsOnly(server.received().get(0).header("Idempotency-Key"));
  }

  @Test
  void anAnswerAfterAnEarlyCloseReportsTheTwoRequestsTheServerSaw() {
    server.then(closeWithoutAnswer(), json(TestClients.job("job-1", "queued")));

    RawResponse<?> response = client(2).jobs().withRawResponse().get("job-1");

    assertThat(response.attempts()).isEqualTo(2);
    assertThat(server.received()).hasSize(2);
  }

  @Test
  void anIdleConnectionTheServerClosedIsNotUsedForTheNextCall() throws Exception {
    WorldsClient client = client(0);
    server.then(json(TestClients.job("job-1", "queued")));
    assertThat(client.jobs().get("job-1").id()).isEqualTo("job-1");

    server.closeIdleConnections();
    Thread.sleep(50); // lets the close reach the client's socket; no timing is asserted
    server.then(json(TestClients.job("job-1", "running")));

    RawResponse<?> second = client.jobs().withRawResponse().get("job-1");
    assertThat(second.attempts()).isEqualTo(1);
    assertThat(server.received()).hasSize(2);
    assertThat(server.connections()).isEqualTo(2);
  }

  @Test
  void consecutiveCallsShareOneKeptAliveConnection() {
    WorldsClient client = client(0);
    server.then(
        json(TestClients.job("job-1", "queued")),
        json(TestClients.job("job-1", "running")),
        json(TestClients.job("job-1", "succeeded")));

    for (int i = 0; i < 3; i++) {
      client.jobs().get("job-1");
    }

    assertThat(server.received()).hasSize(3);
    assertThat(server.connections()).isEqualTo(1);
  }
}
