package dev.worldsapi.client.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.worldsapi.client.errors.DecodeProblem;
import dev.worldsapi.client.internal.http.ClientObjectMapper;
import dev.worldsapi.client.internal.json.InvalidJsonException;
import dev.worldsapi.spec.SpecExamples;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated client models read the spec's own examples, and what they read survives being
 * written and read again.
 */
class GeneratedModelsRoundTripTest {

  /** Verbatim from the "List world jobs" documentation page. */
  private static final String DOCS_PAGE_LIST_EXAMPLE =
      "{ \"items\": [ { \"kind\": \"manifest_generation\", \"resource_type\": \"manifest\", \"status\": \"queued\" } ],"
          + " \"page\": 1, \"page_size\": 20, \"total\": 0}";

  /** Verbatim from the same page: the documented error example. */
  private static final String DOCS_PAGE_ERROR_EXAMPLE =
      "{ \"code\": 401, \"detail\": \"Authentication failed\", \"type\": \"authentication_error\"}";

  private final ObjectMapper mapper = ClientObjectMapper.create();

  /**
   * The page abbreviates its example: its job has three of the six fields the spec requires. Read
   * strictly, it is refused, and the refusal names each missing field by its path.
   */
  @Test
  void docsPageListExampleIsRefusedNamingEachRequiredFieldItLeavesOut() {
    assertThatThrownBy(() -> mapper.readValue(DOCS_PAGE_LIST_EXAMPLE, WorldJobList.class))
        .isInstanceOfSatisfying(
            InvalidJsonException.class,
            refused ->
                assertThat(refused.problems())
                    .extracting(DecodeProblem::toString)
                    .containsExactlyInAnyOrder(
                        "$.items[0].id is missing",
                        "$.items[0].organization_id is missing",
                        "$.items[0].workspace_id is missing",
                        "$.items[0].created_at is missing"));
  }

  @Test
  void docsPageErrorExampleDeserializes() throws Exception {
    ErrorEnvelope error = mapper.readValue(DOCS_PAGE_ERROR_EXAMPLE, ErrorEnvelope.class);

    assertThat(error.code()).isEqualTo(401);
    assertThat(error.detail()).isEqualTo("Authentication failed");
    assertThat(error.type()).isEqualTo("authentication_error");
    assertThat(error.errors()).isEmpty();
    assertThat(roundTrip(error, ErrorEnvelope.class)).isEqualTo(error);
  }

  @ParameterizedTest(name = "list example \"{0}\"")
  @ValueSource(strings = {"docs", "firstPage"})
  void specListExamplesSurviveARoundTrip(String example) throws Exception {
    JsonNode json = SpecExamples.listJobs(example);
    WorldJobList list = mapper.treeToValue(json, WorldJobList.class);

    assertThat(list.total()).isEqualTo(json.get("total").asInt());
    assertThat(list.items()).hasSize(json.get("items").size());
    WorldJob first = list.items().get(0);
    assertThat(first.id()).isEqualTo(json.at("/items/0/id").asText());
    assertThat(first.createdAt())
        .isEqualTo(OffsetDateTime.parse(json.at("/items/0/created_at").asText()));
    assertThat(roundTrip(list, WorldJobList.class)).isEqualTo(list);
  }

  @Test
  void fullJobRecordKeepsNestedUserAndProgress() throws Exception {
    WorldJob job =
        mapper.treeToValue(SpecExamples.listJobs("firstPage"), WorldJobList.class).items().get(0);

    assertThat(job.progress()).contains(0.4);
    assertThat(job.resourceType()).contains(ResourceType.TRAJECTORY);
    UserIdentity user = job.createdByUser().orElseThrow();
    assertThat(user.username()).isEqualTo("ada");
    assertThat(user.id()).hasToString("3f1d2c4b-8e6a-4b1f-9d2e-5a7c8b9e0f12");
    assertThat(job.completedAt()).isEmpty();
  }

  @Test
  void validationLocationsKeepStringsAndIntegersThroughARoundTrip() throws Exception {
    ErrorEnvelope error =
        mapper.treeToValue(SpecExamples.sharedResponse("ValidationFailed"), ErrorEnvelope.class);

    assertThat(error.errors().orElseThrow())
        .extracting(ValidationError::loc)
        .containsExactly(List.of("query", "page_size"), List.of("body", "domains", 0));
    ErrorEnvelope again = roundTrip(error, ErrorEnvelope.class);
    assertThat(again).isEqualTo(error);
    assertThat(again.errors().orElseThrow().get(1).loc().get(2)).isInstanceOf(Integer.class);
  }

  @Test
  void unknownEnumValuesAndUnknownFieldsAreReadAndKeptVisible() throws Exception {
    String fromANewerServer =
        """
        {"id": "job-1", "kind": "world_export", "status": "paused", "resource_type": "snapshot",
         "organization_id": "org-example", "workspace_id": "ws-example",
         "created_at": "2026-01-05T10:15:30Z", "priority": 3}
        """;

    WorldJob job = mapper.readValue(fromANewerServer, WorldJob.class);

    assertThat(job.id()).isEqualTo("job-1");
    assertThat(job.kind().value()).isEqualTo("world_export");
    assertThat(job.kind().known()).isEmpty();
    assertThat(job.status().value()).isEqualTo("paused");
    assertThat(job.status().isKnown()).isFalse();
    assertThat(job.status().isTerminal()).isFalse();
    assertThat(job.resourceType().orElseThrow().value()).isEqualTo("snapshot");
    assertThat(job.additionalProperties()).containsExactly(Map.entry("priority", 3));
    JsonNode written = mapper.readTree(mapper.writeValueAsString(job));
    assertThat(written.get("status").asText()).isEqualTo("paused");
    assertThat(written.get("priority").asInt()).isEqualTo(3);
  }

  private <T> T roundTrip(T value, Class<T> type) throws Exception {
    return mapper.readValue(mapper.writeValueAsString(value), type);
  }
}
