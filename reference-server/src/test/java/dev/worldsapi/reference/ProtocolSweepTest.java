package dev.worldsapi.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Odd, malformed and hostile requests: every answer is the status the spec's rules give, never a
 * 500, and every failure is the canonical envelope with a matching {@code code}.
 */
class ProtocolSweepTest {

  private static final String TOKEN = "not-a-real-token-c9e7";
  private static final Set<Integer> DECLARED =
      Set.of(200, 400, 401, 403, 404, 405, 406, 409, 415, 422, 426, 429, 502, 504);

  private static ReferenceServer server;

  @BeforeAll
  static void start() {
    server = ReferenceServer.start(new ServerOptions(0, TOKEN, true, Duration.ZERO));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest(name = "{0} {1} [{2}] → {4}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        // method | path                                                 | header                  |
        // body                  | expected
        "GET    | /api/v1/org/demo/ws/sandbox/worlds/jobs                | -                       | -                     | 200",
        "GET    | /api/v1/org/demo/ws/sandbox/worlds/jobs?page=-1        | -                       | -                     | 422",
        "GET    | /api/v1/org/demo/ws/sandbox/worlds/jobs?page=99999999999 | -                     | -                     | 422",
        "GET    | /api/v1/org/demo/ws/sandbox/worlds/jobs?page_size=      | -                      | -                     | 422",
        "GET    | /api/v1/org/demo/ws/sandbox/worlds/jobs?status=RUNNING  | -                      | -                     | 422",
        "GET    | /api/v1/org/demo/ws/sandbox/worlds/jobs?page=1&page=2   | -                      | -                     | 422",
        "GET    | /api/v1/org/demo/ws/sandbox/worlds/jobs?page=%EF%BC%92  | -                      | -                     | 422",
        "GET    | /api/v1/org/demo/ws/sandbox/worlds/jobs/               | -                       | -                     | 404",
        "GET    | /api/v1/org/demo/ws/sandbox/worlds/jobs/;x=1           | -                       | -                     | 404",
        "POST   | /api/v1/org/demo/ws/sandbox/worlds/manifests/          | -                       | {}                    | 404",
        "GET    | /api/v1/org/demo/ws/sandbox/worlds/jobs                | Content-Type: garbage   | -                     | 400",
        "POST   | /api/v1/org/demo/ws/sandbox/worlds/manifests           | Content-Type: application/ | {}                 | 400",
        "POST   | /api/v1/org/demo/ws/sandbox/worlds/trajectories        | Content-Type: application/json; charset=\" | {} | 400",
        "GET    | /api/v1/org/demo/ws/sandbox/worlds/jobs                | Accept: text/           | -                     | 400",
        "GET    | /api/v1/org/demo/ws/sandbox/worlds/jobs/nope           | -                       | -                     | 404",
        "GET    | /api/v1/org/demo/ws/sandbox/worlds/jobs/%2e%2e         | -                       | -                     | 404",
        "GET    | /api/v1/org/demo/ws/restricted/worlds/jobs             | -                       | -                     | 403",
        "GET    | /api/v1/org/nobody/ws/sandbox/worlds/jobs              | -                       | -                     | 404",
        "GET    | /api/v1/org/demo/ws/sandbox/worlds/jobs                | Accept: text/html       | -                     | 406",
        "GET    | /api/v1/org/demo/ws/sandbox/worlds/jobs                | Accept: application/xml | -                     | 406",
        "DELETE | /api/v1/org/demo/ws/sandbox/worlds/jobs                | -                       | -                     | 405",
        "PUT    | /api/v1/org/demo/ws/sandbox/worlds/manifests           | -                       | {}                    | 405",
        "PATCH  | /api/v1/org/demo/ws/sandbox/worlds/jobs/x/cancel       | -                       | {}                    | 405",
        "GET    | /api/v1/org/demo/ws/sandbox/worlds/jobs/x/cancel       | -                       | -                     | 405",
        "POST   | /api/v1/org/demo/ws/sandbox/worlds/jobs/x/cancel       | -                       | -                     | 404",
        "POST   | /api/v1/org/demo/ws/sandbox/worlds/manifests           | -                       | {}                    | 200",
        "POST   | /api/v1/org/demo/ws/sandbox/worlds/manifests           | Content-Type: text/plain | {}                   | 415",
        "POST   | /api/v1/org/demo/ws/sandbox/worlds/manifests           | Content-Type: application/xml | <a/>            | 415",
        "POST   | /api/v1/org/demo/ws/sandbox/worlds/manifests           | -                       | not json              | 422",
        "POST   | /api/v1/org/demo/ws/sandbox/worlds/manifests           | -                       | null                  | 422",
        "POST   | /api/v1/org/demo/ws/sandbox/worlds/manifests           | -                       | \"text\"              | 422",
        "POST   | /api/v1/org/demo/ws/sandbox/worlds/manifests           | -                       | {\"seed\": 1e400}     | 422",
        "POST   | /api/v1/org/demo/ws/sandbox/worlds/manifests           | -                       | {\"seed\": 99999999999} | 422",
        "POST   | /api/v1/org/demo/ws/sandbox/worlds/manifests           | -                       | {\"domains\": \"x\"}  | 422",
        "POST   | /api/v1/org/demo/ws/sandbox/worlds/manifests           | -                       | {\"name\": {}}        | 422",
        "POST   | /api/v1/org/demo/ws/sandbox/worlds/trajectories        | -                       | {}                    | 422",
        "POST   | /api/v1/org/demo/ws/sandbox/worlds/trajectories        | -                       | {\"manifest_id\": null} | 422",
        "POST   | /api/v1/org/demo/ws/sandbox/worlds/trajectories        | -                       | {\"manifest_id\": \"9b2f6a3e-1c4d-4e5f-8a7b-0c1d2e3f4a5b\", \"threads\": 0.5} | 422",
        "GET    | /api/v1/nowhere                                        | -                       | -                     | 404",
        "GET    | /favicon.ico                                           | -                       | -                     | 404",
        "GET    | /docs/unknown.js                                       | -                       | -                     | 404",
        "OPTIONS | /api/v1/org/demo/ws/sandbox/worlds/jobs               | -                       | -                     | 200",
        "HEAD   | /api/v1/org/demo/ws/sandbox/worlds/jobs                | -                       | -                     | 200",
      })
  void everyAnswerIsDeclaredAndEveryFailureIsTheEnvelope(
      String method, String path, String header, String body, int expected) {
    Http http = new Http(server.port(), TOKEN);
    Http.Reply reply =
        header == null
            ? http.send(method, path, body)
            : http.send(method, path, body, header.split(": ", 2)[0], header.split(": ", 2)[1]);

    assertThat(reply.status())
        .as(reply.body().substring(0, Math.min(300, reply.body().length())))
        .isEqualTo(expected);
    assertThat(DECLARED).contains(reply.status());
    if (reply.status() >= 400) {
      assertThat(reply.header("Content-Type")).startsWith("application/json");
      JsonNode envelope = reply.json();
      assertThat(envelope.get("code").asInt()).isEqualTo(reply.status());
      assertThat(envelope.get("type").asText()).isNotBlank();
      assertThat(envelope.get("detail").asText()).isNotBlank();
    }
  }

  @ParameterizedTest(name = "Authorization: {0}")
  @CsvSource(
      nullValues = "-",
      value = {
        "-",
        "Bearer",
        "Bearer  ",
        "Bearer wrong",
        "bearer wrong",
        "Token abc",
        "Basic Zm9vOmJhcg=="
      })
  void missingOrBadCredentialsAre401(String authorization) {
    Http anonymous = new Http(server.port(), null);
    Http.Reply reply =
        authorization == null
            ? anonymous.get("/api/v1/org/demo/ws/sandbox/worlds/jobs")
            : anonymous.send(
                "GET",
                "/api/v1/org/demo/ws/sandbox/worlds/jobs",
                null,
                "Authorization",
                authorization);

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
    assertThat(reply.json().get("code").asInt()).isEqualTo(401);
  }
}
