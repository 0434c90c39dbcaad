package dev.worldsapi.server.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.worldsapi.server.StubApplication;
import dev.worldsapi.server.StubServer;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code Idempotency-Key} on the creates, through the runtime, in front of any implementation. */
class IdempotencyTest {

  private static final String MANIFESTS = StubApplication.BASE + "/manifests";
  private static final ObjectMapper JSON = new ObjectMapper();
  @RegisterExtension static final StubServer server = new StubServer();

  @Test
  void theSameKeyAndBodyAnswerTheFirstJobAndCreateNothing() throws Exception {
    String key = UUID.randomUUID().toString();

    JsonNode first = create(key, "{\"name\": \"lab\"}", 200);
    Response again = post(key, "{\"name\": \"lab\"}");

    assertThat(again.getStatus()).isEqualTo(200);
    assertThat(again.getHeaderString("Idempotent-Replayed")).isEqualTo("true");
    assertThat(body(again).get("id")).isEqualTo(first.get("id"));
    assertThat(create(null, "{\"name\": \"lab\"}", 200).get("id")).isNotEqualTo(first.get("id"));
  }

  @Test
  void theSameKeyWithAnotherBodyIs422NamingTheHeader() throws Exception {
    String key = UUID.randomUUID().toString();
    create(key, "{\"name\": \"lab\"}", 200);

    JsonNode refused = create(key, "{\"name\": \"other\"}", 422);

    assertThat(refused.at("/errors/0/type").asText()).isEqualTo("idempotency_key_reused");
    assertThat(refused.at("/errors/0/loc").toString())
        .isEqualTo("[\"header\",\"Idempotency-Key\"]");
  }

  @Test
  void keysArePerOperationPathAndBodySoAnotherCreateIsAMismatch() throws Exception {
    String key = UUID.randomUUID().toString();
    create(key, "{}", 200);

    Response trajectory =
        server
            .authorized(StubApplication.BASE + "/trajectories")
            .header(IdempotencyFilter.HEADER, key)
            .post(Entity.json("{\"manifest_id\": \"9b2f6a3e-1c4d-4e5f-8a7b-0c1d2e3f4a5b\"}"));

    assertThat(trajectory.getStatus()).isEqualTo(422);
  }

  @Test
  void anEmptyKeyIsRefusedByTheSpecsRule() throws Exception {
    JsonNode refused = create("", "{}", 422);

    assertThat(refused.at("/errors/0/loc").toString())
        .isEqualTo("[\"header\",\"Idempotency-Key\"]");
  }

  @Test
  void aFailedRequestReleasesItsKeySoARetryRunsAgain() {
    InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();
    IdempotencyStore.Claim grant = store.claim("k", "f");
    assertThat(grant).isInstanceOf(IdempotencyStore.Granted.class);
    assertThat(store.claim("k", "f")).isInstanceOf(IdempotencyStore.InProgress.class);

    assertThat(store.release((IdempotencyStore.Granted) grant)).isTrue();

    assertThat(store.claim("k", "f")).isInstanceOf(IdempotencyStore.Granted.class);
  }

  @Test
  void aKeyIsForgottenAfterItsRetention() {
    Instant[] now = {Instant.parse("2026-01-05T10:00:00Z")};
    java.time.Clock clock =
        new java.time.Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now[0];
          }
        };
    InMemoryIdempotencyStore store = new InMemoryIdempotencyStore(clock, Duration.ofHours(24));
    store.complete((IdempotencyStore.Granted) store.claim("k", "f"), 200, JOB);

    now[0] = now[0].plus(Duration.ofHours(23));
    assertThat(store.claim("k", "f"))
        .isInstanceOfSatisfying(
            IdempotencyStore.Replay.class, replay -> assertThat(replay.json()).isEqualTo(JOB));
    now[0] = now[0].plus(Duration.ofHours(2));
    assertThat(store.claim("k", "f")).isInstanceOf(IdempotencyStore.Granted.class);
  }

  private static final byte[] JOB = "{\"id\":\"job-1\"}".getBytes(StandardCharsets.UTF_8);

  private static Response post(String key, String json) {
    var request = server.authorized(MANIFESTS);
    if (key != null) {
      request = request.header(IdempotencyFilter.HEADER, key);
    }
    return request.post(Entity.json(json));
  }

  private static JsonNode create(String key, String json, int status) throws Exception {
    Response response = post(key, json);
    assertThat(response.getStatus()).isEqualTo(status);
    return body(response);
  }

  private static JsonNode body(Response response) throws Exception {
    return JSON.readTree(response.readEntity(String.class));
  }
}
