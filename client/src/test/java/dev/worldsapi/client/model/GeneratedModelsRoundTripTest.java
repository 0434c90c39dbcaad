package dev.worldsapi.client.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.worldsapi.client.internal.http.ClientObjectMapper;
import dev.worldsapi.spec.SpecExamples;
import java.time.OffsetDateTime;
import java.util.List;
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

  @Test
  void docsPageListExampleDeserializes() throws Exception {
    WorldJobList list = mapper.readValue(DOCS_PAGE_LIST_EXAMPLE, WorldJobList.class);

    assertThat(list.getPage()).isEqualTo(1);
    assertThat(list.getPageSize()).isEqualTo(20);
    assertThat(list.getTotal()).isZero();
    assertThat(list.getItems())
        .singleElement()
        .satisfies(
            job -> {
              assertThat(job.getKind()).isEqualTo(JobKind.MANIFEST_GENERATION);
              assertThat(job.getResourceType()).isEqualTo(ResourceType.MANIFEST);
              assertThat(job.getStatus()).isEqualTo(JobStatus.QUEUED);
            });
    assertThat(roundTrip(list, WorldJobList.class)).isEqualTo(list);
  }

  @Test
  void docsPageErrorExampleDeserializes() throws Exception {
    ErrorEnvelope error = mapper.readValue(DOCS_PAGE_ERROR_EXAMPLE, ErrorEnvelope.class);

    assertThat(error.getCode()).isEqualTo(401);
    assertThat(error.getDetail()).isEqualTo("Authentication failed");
    assertThat(error.getType()).isEqualTo("authentication_error");
    assertThat(error.getErrors()).isNullOrEmpty();
    assertThat(roundTrip(error, ErrorEnvelope.class)).isEqualTo(error);
  }

  @ParameterizedTest(name = "list example \"{0}\"")
  @ValueSource(strings = {"docs", "firstPage"})
  void specListExamplesSurviveARoundTrip(String example) throws Exception {
    JsonNode json = SpecExamples.listJobs(example);
    WorldJobList list = mapper.treeToValue(json, WorldJobList.class);

    assertThat(list.getTotal()).isEqualTo(json.get("total").asInt());
    assertThat(list.getItems()).hasSize(json.get("items").size());
    WorldJob first = list.getItems().get(0);
    assertThat(first.getId()).isEqualTo(json.at("/items/0/id").asText());
    assertThat(first.getCreatedAt())
        .isEqualTo(OffsetDateTime.parse(json.at("/items/0/created_at").asText()));
    assertThat(roundTrip(list, WorldJobList.class)).isEqualTo(list);
  }

  @Test
  void fullJobRecordKeepsNestedUserAndProgress() throws Exception {
    WorldJob job =
        mapper
            .treeToValue(SpecExamples.listJobs("firstPage"), WorldJobList.class)
            .getItems()
            .get(0);

    assertThat(job.getProgress()).isEqualTo(0.4);
    assertThat(job.getResourceType()).isEqualTo(ResourceType.TRAJECTORY);
    assertThat(job.getCreatedByUser().getUsername()).isEqualTo("ada");
    assertThat(job.getCreatedByUser().getId()).hasToString("3f1d2c4b-8e6a-4b1f-9d2e-5a7c8b9e0f12");
    assertThat(job.getCompletedAt()).isNull();
  }

  @Test
  void validationLocationsKeepStringsAndIntegersThroughARoundTrip() throws Exception {
    ErrorEnvelope error =
        mapper.treeToValue(SpecExamples.sharedResponse("ValidationFailed"), ErrorEnvelope.class);

    assertThat(error.getErrors())
        .extracting(ValidationError::getLoc)
        .containsExactly(List.of("query", "page_size"), List.of("body", "domains", 0));
    ErrorEnvelope again = roundTrip(error, ErrorEnvelope.class);
    assertThat(again).isEqualTo(error);
    assertThat(again.getErrors().get(1).getLoc().get(2)).isInstanceOf(Integer.class);
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

    assertThat(job.getId()).isEqualTo("job-1");
    assertThat(job.getKind().value()).isEqualTo("world_export");
    assertThat(job.getKind().known()).isEmpty();
    assertThat(job.getStatus().value()).isEqualTo("paused");
    assertThat(job.getStatus().isKnown()).isFalse();
    assertThat(job.getStatus().isTerminal()).isFalse();
    assertThat(job.getResourceType().value()).isEqualTo("snapshot");
    assertThat(mapper.readTree(mapper.writeValueAsString(job)).get("status").asText())
        .isEqualTo("paused");
  }

  private <T> T roundTrip(T value, Class<T> type) throws Exception {
    return mapper.readValue(mapper.writeValueAsString(value), type);
  }
}
