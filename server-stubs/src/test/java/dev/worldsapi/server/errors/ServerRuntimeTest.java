package dev.worldsapi.server.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.worldsapi.server.StubApplication;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The server runtime in process (Jersey, in-memory connector): every failure leaves as the
 * canonical envelope with the exact status, headers, {@code type} and {@code loc}.
 */
class ServerRuntimeTest {

  private static final String TOKEN = StubApplication.TOKEN;
  private static final String BASE = StubApplication.BASE;
  private static final ObjectMapper JSON = new ObjectMapper();

  private StubApplication.Running server;

  @BeforeEach
  void start() throws Exception {
    server = StubApplication.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.stop();
  }

  @ParameterizedTest(name = "?{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "page_size=0           | query,page_size  | greater_than_equal | Input should be greater than or equal to 1",
        "page_size=101         | query,page_size  | less_than_equal    | Input should be less than or equal to 100",
        "page=0                | query,page       | greater_than_equal | Input should be greater than or equal to 1",
        "page=abc              | query,page       | int_parsing        | Input should be a valid integer, unable to parse string as an integer",
        "page_size=2.5         | query,page_size  | int_parsing        | Input should be a valid integer, unable to parse string as an integer",
        "status=paused         | query,status     | enum               | Input should be one of 'queued', 'running', 'completed', 'failed', 'cancelled'",
        "kind=export           | query,kind       | enum               | Input should be one of 'manifest_generation', 'trajectory_generation'",
        "project_id=not-a-uuid | query,project_id | uuid_parsing       | Input should be a valid UUID",
      })
  void badQueryParametersAre422NamingTheParameter(String query, String loc, String type, String msg)
      throws Exception {
    Response response = authorized(BASE + "/jobs?" + query).get();

    assertEnvelope(response, 422, "validation_error", "Validation error");
    JsonNode error = body(response).at("/errors/0");
    assertThat(locOf(error)).containsExactly((Object[]) loc.split(","));
    assertThat(error.get("type").asText()).isEqualTo(type);
    assertThat(error.get("msg").asText()).isEqualTo(msg);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "manifests    | {\"num_hosts\": 0}                                   | body,num_hosts       | greater_than_equal",
        "manifests    | {\"num_users\": 50001}                               | body,num_users       | less_than_equal",
        "manifests    | {\"domains\": [0]}                                   | body,domains,0       | string_type",
        "manifests    | {\"domains\": [\"acme.local\", \"\"]}                   | body,domains,1       | string_too_short",
        "manifests    | {\"num_hosts\": \"5\"}                               | body,num_hosts       | int_type",
        "manifests    | {\"preset\": \"huge\"}                               | body,preset          | enum",
        "manifests    | {\"project_id\": \"nope\"}                           | body,project_id      | uuid_parsing",
        "manifests    | [1, 2]                                               | body                 | model_type",
        "trajectories | {\"count\": 3}                                       | body,manifest_id     | missing",
        "trajectories | {\"manifest_id\": \"9b2f6a3e-1c4d-4e5f-8a7b-0c1d2e3f4a5b\", \"count\": 101} | body,count | less_than_equal",
        "trajectories | {\"manifest_id\": \"9b2f6a3e-1c4d-4e5f-8a7b-0c1d2e3f4a5b\", \"strategy\": \"fast\"} | body,strategy | enum",
      })
  void badBodiesAre422WithLocIntoTheBody(String operation, String body, String loc, String type)
      throws Exception {
    Response response = authorized(BASE + "/" + operation).post(Entity.json(body));

    assertEnvelope(response, 422, "validation_error", "Validation error");
    JsonNode error = body(response).at("/errors/0");
    assertThat(locOf(error))
        .containsExactly(
            loc.split(",").length == 3
                ? new Object[] {"body", loc.split(",")[1], Integer.parseInt(loc.split(",")[2])}
                : (Object[]) loc.split(","));
    assertThat(error.get("type").asText()).isEqualTo(type);
  }

  @Test
  void unknownEnumValueInABodyListsTheAllowedValues() throws Exception {
    Response response =
        authorized(BASE + "/trajectories")
            .post(
                Entity.json(
                    "{\"manifest_id\": \"9b2f6a3e-1c4d-4e5f-8a7b-0c1d2e3f4a5b\", \"strategy\": \"fast\"}"));

    assertThat(body(response).at("/errors/0/msg").asText())
        .isEqualTo("Input should be one of 'random', 'greedy', 'recon-first', 'smart-random'");
  }

  @Test
  void severalViolationsGiveOneErrorEachInTheSchemasOrder() throws Exception {
    Response response =
        authorized(BASE + "/manifests").post(Entity.json("{\"num_hosts\": 0, \"num_users\": 0}"));

    assertEnvelope(response, 422, "validation_error", "Validation error");
    assertThat(body(response).get("errors"))
        .extracting(this::locOf)
        .containsExactly(List.of("body", "num_users"), List.of("body", "num_hosts"));
  }

  @Test
  void malformedJsonIs422() throws Exception {
    Response response = authorized(BASE + "/manifests").post(Entity.json("{\"name\": "));

    assertEnvelope(response, 422, "validation_error", "Validation error");
    JsonNode error = body(response).at("/errors/0");
    assertThat(error.get("type").asText()).isEqualTo("json_invalid");
    assertThat(error.at("/loc/0").asText()).isEqualTo("body");
  }

  @Test
  void missingBodyIs422() throws Exception {
    Response response = authorized(BASE + "/manifests").post(Entity.json(""));

    assertEnvelope(response, 422, "validation_error", "Validation error");
    assertThat(locOf(body(response).at("/errors/0"))).containsExactly("body");
  }

  @Test
  void pathParameterViolationNamesThePathParameter() throws Exception {
    Response response = authorized("bounds/abcdef").get();

    assertEnvelope(response, 422, "validation_error", "Validation error");
    assertThat(locOf(body(response).at("/errors/0"))).containsExactly("path", "job_id");
  }

  @Test
  void unknownRequestFieldsAreAccepted() {
    Response response =
        authorized(BASE + "/manifests")
            .post(Entity.json("{\"name\": \"lab\", \"colour\": \"red\"}"));

    assertThat(response.getStatus()).isEqualTo(200);
  }

  @Test
  void implementationsKnowTheCaller() throws Exception {
    Response response = authorized(BASE + "/manifests").post(Entity.json("{}"));

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(body(response).get("created_by").asText()).isEqualTo("user-1");
  }

  @Test
  void nullFieldsAreWrittenAsNullOnlyWhereTheSpecSaysNullable() throws Exception {
    JsonNode job = body(authorized(BASE + "/jobs/job-1").get());
    JsonNode error = body(authorized(BASE + "/jobs/missing").get());

    for (String nullable :
        List.of(
            "project_id",
            "resource_id",
            "progress",
            "error",
            "created_by",
            "created_by_user",
            "resource_type",
            "started_at",
            "completed_at",
            "cancel_requested_at")) {
      assertThat(job.has(nullable)).as(nullable).isTrue();
      assertThat(job.get(nullable).isNull()).as(nullable).isTrue();
    }
    assertThat(job.has("result")).as("result is optional but not nullable").isFalse();
    assertThat(error.has("errors")).as("errors is optional but not nullable").isFalse();
  }

  @Test
  void unknownRouteIs404Envelope() throws Exception {
    assertEnvelope(authorized("api/v1/nowhere").get(), 404, "not_found_error", "Not found");
  }

  @Test
  void wrongMethodIs405WithAllow() throws Exception {
    Response response = authorized(BASE + "/jobs").delete();

    assertEnvelope(response, 405, "method_not_allowed", "Method not allowed");
    assertThat(response.getHeaderString("Allow")).isEqualTo("GET, HEAD, OPTIONS");
  }

  @Test
  void unsupportedMediaTypeIs415() throws Exception {
    Response response =
        authorized(BASE + "/manifests").post(Entity.entity("name=lab", MediaType.TEXT_PLAIN_TYPE));

    assertEnvelope(
        response, 415, "unsupported_media_type", "Unsupported media type: send application/json");
  }

  @Test
  void notAcceptableIs406() throws Exception {
    Response response =
        server
            .target(BASE + "/jobs")
            .request(MediaType.TEXT_HTML_TYPE)
            .header("Authorization", "Bearer " + TOKEN)
            .get();

    assertThat(response.getStatus()).isEqualTo(406);
    assertThat(response.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE)).isTrue();
    assertThat(JSON.readTree(response.readEntity(String.class)).get("type").asText())
        .isEqualTo("not_acceptable");
  }

  @ParameterizedTest(name = "Authorization: {0}")
  @CsvSource(
      nullValues = "-",
      delimiter = '|',
      value = {
        "-                          | Bearer realm=\"worlds\"",
        "Bearer wrong-token         | Bearer realm=\"worlds\", error=\"invalid_token\"",
        "Basic dXNlcjpwYXNz         | Bearer realm=\"worlds\", error=\"invalid_token\"",
        "Bearer                     | Bearer realm=\"worlds\", error=\"invalid_token\"",
      })
  void missingOrWrongTokenIs401WithWwwAuthenticate(String authorization, String challenge)
      throws Exception {
    Invocation.Builder request = server.target(BASE + "/jobs").request();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    Response response = request.get();

    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(response.getHeaderString("WWW-Authenticate")).isEqualTo(challenge);
    JsonNode body = body(response);
    assertThat(body.get("type").asText()).isEqualTo("authentication_error");
    assertThat(body.toString()).doesNotContain("wrong-token");
  }

  @Test
  void publicPathsNeedNoToken() {
    assertThat(server.target("public").request().get().getStatus()).isEqualTo(200);
  }

  @Test
  void forbiddenConflictAndNotFoundComeFromTheImplementation() throws Exception {
    assertEnvelope(
        authorized("api/v1/org/other/ws/lab/worlds/jobs").get(),
        403,
        "permission_error",
        "Access forbidden");
    assertEnvelope(
        authorized(BASE + "/jobs/job-1/cancel").post(Entity.json("")),
        409,
        "conflict_error",
        "Job is already completed");
    assertEnvelope(
        authorized(BASE + "/jobs/missing").get(), 404, "not_found_error", "Job not found");
  }

  @Test
  void rateLimitedIs429WithRetryAfterInWholeSeconds() throws Exception {
    Response response = authorized("api/v1/org/acme/ws/busy/worlds/jobs").get();

    assertThat(response.getHeaderString("Retry-After")).isEqualTo("3");
    assertEnvelope(response, 429, "rate_limit_error", "Rate limited");
  }

  @Test
  void unexpectedExceptionIs500WithoutInternalsAndWithARequestId() throws Exception {
    Response response = authorized(BASE + "/jobs/explode").get();
    String requestId = response.getHeaderString("X-Request-Id");
    String body = response.readEntity(String.class);

    assertThat(response.getStatus()).isEqualTo(500);
    assertThat(requestId).matches("[0-9a-f-]{36}");
    assertThat(JSON.readTree(body).get("detail").asText())
        .isEqualTo("Internal server error (request id " + requestId + ")");
    assertThat(body).doesNotContain("secret", "IllegalStateException", "StubJobsApi", "at dev.");
  }

  @Test
  void listPagesWithTotalAndAnEmptyPagePastTheEnd() throws Exception {
    JsonNode last = body(authorized(BASE + "/jobs?page=3&page_size=20").get());
    JsonNode past = body(authorized(BASE + "/jobs?page=9&page_size=20").get());
    JsonNode defaults = body(authorized(BASE + "/jobs").get());

    assertThat(last.get("items")).hasSize(5);
    assertThat(last.get("total").asInt()).isEqualTo(45);
    assertThat(past.get("items")).isEmpty();
    assertThat(past.get("total").asInt()).isEqualTo(45);
    assertThat(defaults.get("page").asInt()).isEqualTo(1);
    assertThat(defaults.get("page_size").asInt()).isEqualTo(20);
  }

  private Invocation.Builder authorized(String path) {
    return StubApplication.authorized(server, path);
  }

  private static void assertEnvelope(Response response, int status, String type, String detail)
      throws Exception {
    assertThat(response.getStatus()).isEqualTo(status);
    assertThat(response.getMediaType()).isNotNull();
    assertThat(response.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE)).isTrue();
    JsonNode body = body(response);
    assertThat(body.get("code").asInt()).isEqualTo(status);
    assertThat(body.get("type").asText()).isEqualTo(type);
    assertThat(body.get("detail").asText()).isEqualTo(detail);
  }

  private static JsonNode body(Response response) throws Exception {
    response.bufferEntity();
    return JSON.readTree(response.readEntity(String.class));
  }

  private List<Object> locOf(JsonNode error) {
    return JSON.convertValue(error.get("loc"), List.class);
  }
}
