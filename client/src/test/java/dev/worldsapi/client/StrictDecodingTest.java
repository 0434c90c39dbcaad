package dev.worldsapi.client;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.worldsapi.client.errors.DecodeProblem;
import dev.worldsapi.client.errors.WorldsDecodeException;
import dev.worldsapi.client.model.WorldJob;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Through a whole call: a body that is not its schema fails the call, naming the operation, the
 * status and every field that differs, and a field the client does not know is kept.
 */
class StrictDecodingTest {

  private static final String JOB = TestClients.JOBS + "/job-1";

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final WorldsClient client =
      TestClients.against(server, new FakeTime()).maxRetries(0).build();

  @Test
  void anEmptyObjectIsRefusedNamingEveryRequiredField() {
    server.stubFor(get(urlPathEqualTo(JOB)).willReturn(okJson("{}")));

    WorldsDecodeException refused = refused(() -> client.jobs().get("job-1"));

    assertThat(refused.operationId()).contains("get_world_job");
    assertThat(refused.status()).hasValue(200);
    assertThat(refused.problems())
        .extracting(DecodeProblem::toString)
        .containsExactly(
            "$.id is missing",
            "$.kind is missing",
            "$.status is missing",
            "$.organization_id is missing",
            "$.workspace_id is missing",
            "$.created_at is missing");
    assertThat(refused)
        .hasMessageStartingWith(
            "get_world_job: HTTP 200 from GET "
                + JOB
                + " is not a valid WorldJob: $.id is missing");
  }

  @Test
  void aNumberForTheIdIsRefusedWithTheRestThatIsMissing() {
    server.stubFor(get(urlPathEqualTo(JOB)).willReturn(okJson("{\"id\": 5}")));

    assertThat(refused(() -> client.jobs().get("job-1")).problems())
        .extracting(DecodeProblem::toString)
        .startsWith("$.id must be a string, got number 5", "$.kind is missing")
        .hasSize(6);
  }

  @Test
  void aProblemInsideAPageIsNamedByItsPath() {
    String broken =
        TestClients.job("job-2", "queued").replace("\"2026-01-05T10:15:30Z\"", "\"yesterday\"");
    server.stubFor(
        get(urlPathEqualTo(TestClients.JOBS))
            .willReturn(
                okJson(
                    "{\"items\": ["
                        + TestClients.job("job-1", "queued")
                        + ","
                        + broken
                        + "], \"page\": 1, \"page_size\": 20, \"total\": \"two\"}")));

    assertThat(refused(() -> client.jobs().list()).problems())
        .containsExactly(
            new DecodeProblem(
                "$.items[1].created_at",
                "must be a date-time (RFC 3339, e.g. \"2026-01-05T10:15:30Z\"), got \"yesterday\""),
            new DecodeProblem("$.total", "must be a 32-bit integer, got string \"two\""));
  }

  @Test
  void aFieldTheClientDoesNotKnowIsKeptAndSentBack() {
    server.stubFor(
        get(urlPathEqualTo(JOB))
            .willReturn(
                okJson(
                    TestClients.job("job-1", "queued")
                        .replace("{", "{\"priority\": {\"level\": 3, \"tags\": [\"gpu\"]}, "))));

    WorldJob job = client.jobs().get("job-1");

    assertThat(job.id()).isEqualTo("job-1");
    assertThat(job.additionalProperties())
        .isEqualTo(Map.of("priority", Map.of("level", 3, "tags", java.util.List.of("gpu"))));
    assertThat(job.toString()).startsWith("WorldJob{id=job-1, kind=manifest_generation");
    assertThat(job.toString()).endsWith("priority={level=3, tags=[gpu]}}");
  }

  private static WorldsDecodeException refused(Runnable call) {
    WorldsDecodeException refused = catchThrowableOfType(WorldsDecodeException.class, call::run);
    assertThat(refused).as("the call fails with a WorldsDecodeException").isNotNull();
    return refused;
  }
}
