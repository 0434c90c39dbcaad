package dev.worldsapi.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldsapi.reference.controls.ReceivedRequest;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The provider-state endpoint of test mode, as any Pact verifier reaches it: over HTTP, with no
 * token, answering the values the interaction's request takes.
 */
class ProviderStatesTest {

  private static final String TOKEN = "not-a-real-token-9a3e";
  private static final String STATES = "/" + ProviderStatesResource.PATH;

  private static ReferenceServer testMode;
  private static ReferenceServer plain;

  @BeforeAll
  static void start() {
    ServerOptions options = new ServerOptions(0, TOKEN, true, Duration.ZERO);
    testMode = ReferenceServer.start(options.withTestMode(true));
    plain = ReferenceServer.start(options);
  }

  @AfterAll
  static void stop() {
    testMode.close();
    plain.close();
  }

  @Test
  void aWorkspaceExistsEmptiesItAndAnswersWhereAndWithWhichToken() {
    JsonNode values = state("{\"state\": \"a workspace exists\", \"action\": \"setup\"}");

    assertThat(values.get("token").asText()).isEqualTo(TOKEN);
    String jobs =
        "/api/v1/org/"
            + values.get("org").asText()
            + "/ws/"
            + values.get("workspace").asText()
            + "/worlds/jobs";
    assertThat(new Http(testMode.port(), TOKEN).get(jobs).json().get("total").asInt()).isZero();
    assertThat(
            new Http(testMode.port(), TOKEN)
                .get(jobs + "/" + values.get("missingJobId").asText())
                .status())
        .isEqualTo(404);
  }

  @Test
  void jobsExistAddsJobsOfTheGivenKindStatusProjectAndCreator() {
    state("{\"state\": \"a workspace exists\"}");
    JsonNode values =
        state(
            "{\"state\": \"jobs exist\", \"params\": {\"count\": 3, \"kind\": \"manifest_generation\","
                + " \"status\": \"completed\", \"project_id\": \"0d7b7c1e-4f4a-4b8e-9a3c-5e6f7a8b9c0d\","
                + " \"created_by\": \"3f1d2c4b-8e6a-4b1f-9d2e-5a7c8b9e0f12\"}}");

    JsonNode page =
        new Http(testMode.port(), TOKEN)
            .get(
                Http.JOBS
                    + "?status=completed&created_by="
                    + values.get("createdBy").asText()
                    + "&project_id="
                    + values.get("projectId").asText())
            .json();
    assertThat(page.get("total").asInt()).isEqualTo(3);
    JsonNode job =
        new Http(testMode.port(), TOKEN).get(Http.JOBS + "/" + values.get("jobId").asText()).json();
    assertThat(job.get("resource_id").asText()).isEqualTo(values.get("manifestId").asText());
  }

  @Test
  void theNextRequestFailsOnceWithTheGivenRetryAfter() {
    state("{\"state\": \"a workspace exists\"}");
    state(
        "{\"state\": \"the next request fails\", \"params\": {\"status\": 429, \"retry_after\": 7}}");
    Http http = new Http(testMode.port(), TOKEN);

    Http.Reply limited = http.get(Http.JOBS);
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isEqualTo("7");
    assertThat(http.get(Http.JOBS).status()).isEqualTo(200);
  }

  @Test
  void theNextRequestsToOneOperationFailAsManyTimesAsAsked() {
    state("{\"state\": \"a workspace exists\"}");
    state(
        "{\"state\": \"the next request fails\", \"params\": {\"status\": 502, \"times\": 2,"
            + " \"operation\": \"get_world_job\"}}");
    Http http = new Http(testMode.port(), TOKEN);

    assertThat(http.get(Http.JOBS).status()).isEqualTo(200);
    assertThat(http.get(Http.JOBS + "/job-1").status()).isEqualTo(502);
    assertThat(http.get(Http.JOBS + "/job-1").status()).isEqualTo(502);
    assertThat(http.get(Http.JOBS + "/job-1").status()).isEqualTo(404);
  }

  @Test
  void statesAreSetThroughTheSameControlsTheServerOffersInProcess() {
    state("{\"state\": \"a workspace exists\"}");
    JsonNode values = state("{\"state\": \"jobs exist\", \"params\": {\"count\": 2}}");
    state("{\"state\": \"the next request fails\", \"params\": {\"status\": 500, \"times\": 3}}");

    assertThat(testMode.controls().jobs(DemoData.SANDBOX))
        .extracting(job -> job.getId())
        .hasSize(2)
        .contains(values.get("jobId").asText());
    assertThat(testMode.controls().faults().pending()).isEqualTo(3);
    assertThat(testMode.controls().received())
        .extracting(ReceivedRequest::path)
        .containsOnly(STATES);
    state("{\"state\": \"a workspace exists\"}");
    assertThat(testMode.controls().faults().pending()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{\"status\": 418}",
        "{\"status\": 500, \"times\": 0}",
        "{\"status\": 500, \"operation\": \"list_everything\"}",
      })
  void badFaultParametersAre400WithASentence(String params) {
    Http.Reply reply =
        new Http(testMode.port(), null)
            .post(STATES, "{\"state\": \"the next request fails\", \"params\": " + params + "}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("detail").asText()).startsWith("Provider state parameter");
  }

  @Test
  void anUnknownStateIs400NamingTheKnownOnes() {
    Http.Reply reply =
        new Http(testMode.port(), null).post(STATES, "{\"state\": \"the moon is full\"}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("detail").asText()).contains("the moon is full", "jobs exist");
  }

  @Test
  void withoutTestModeThereIsNoEndpoint() {
    assertThat(
            new Http(plain.port(), TOKEN)
                .post(STATES, "{\"state\": \"a workspace exists\"}")
                .status())
        .isEqualTo(404);
    assertThat(
            new Http(plain.port(), null)
                .post(STATES, "{\"state\": \"a workspace exists\"}")
                .status())
        .isEqualTo(401);
  }

  private static JsonNode state(String body) {
    Http.Reply reply = new Http(testMode.port(), null).post(STATES, body);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }
}
