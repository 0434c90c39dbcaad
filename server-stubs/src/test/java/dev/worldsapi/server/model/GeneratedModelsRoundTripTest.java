package dev.worldsapi.server.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.worldsapi.spec.SpecExamples;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The generated server models read and write the spec's own examples unchanged. */
class GeneratedModelsRoundTripTest {

  private final ObjectMapper mapper =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();

  @ParameterizedTest(name = "list example \"{0}\"")
  @ValueSource(strings = {"docs", "firstPage"})
  void listExamplesAreWrittenBackAsTheyWereRead(String example) throws Exception {
    JsonNode json = SpecExamples.listJobs(example);

    WorldJobList list = mapper.treeToValue(json, WorldJobList.class);

    assertThat(list.getItems()).hasSize(json.get("items").size());
    assertThat((JsonNode) mapper.valueToTree(list)).isEqualTo(withoutNulls(json));
  }

  @Test
  void docsErrorExampleIsWrittenBackAsItWasRead() throws Exception {
    JsonNode json = SpecExamples.sharedResponse("Unauthorized");

    ErrorEnvelope error = mapper.treeToValue(json, ErrorEnvelope.class);

    assertThat(error.getCode()).isEqualTo(401);
    assertThat(error.getType()).isEqualTo("authentication_error");
    assertThat((JsonNode) mapper.valueToTree(error)).isEqualTo(json);
  }

  @Test
  void validationLocationsKeepStringsAndIntegersThroughARoundTrip() throws Exception {
    JsonNode json = SpecExamples.sharedResponse("ValidationFailed");

    ErrorEnvelope error = mapper.treeToValue(json, ErrorEnvelope.class);

    assertThat(error.getErrors())
        .extracting(ValidationError::getLoc)
        .containsExactly(List.of("query", "page_size"), List.of("body", "domains", 0));
    assertThat((JsonNode) mapper.valueToTree(error)).isEqualTo(json);
  }

  @Test
  void createRequestExampleKeepsEveryField() throws Exception {
    CreateWorldManifestRequest request =
        new CreateWorldManifestRequest()
            .name("Acme lab")
            .preset(CreateWorldManifestRequest.PresetEnum.SMALL)
            .domains(List.of("acme.local"));

    JsonNode json = mapper.valueToTree(request);

    assertThat(json.get("preset").asText()).isEqualTo("small");
    assertThat(mapper.treeToValue(json, CreateWorldManifestRequest.class)).isEqualTo(request);
  }

  @Test
  void jobRecordWithoutRequiredIdIsRejected() {
    String withoutId =
        """
        {"kind": "manifest_generation", "status": "queued", "organization_id": "o",
         "workspace_id": "w", "created_at": "2026-01-05T10:15:30Z"}
        """;

    assertThatThrownBy(() -> mapper.readValue(withoutId, WorldJob.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("'id'");
  }

  private static JsonNode withoutNulls(JsonNode node) {
    JsonNode copy = node.deepCopy();
    strip(copy);
    return copy;
  }

  private static void strip(JsonNode node) {
    if (node.isObject()) {
      var fields = node.fields();
      while (fields.hasNext()) {
        var field = fields.next();
        if (field.getValue().isNull()) {
          fields.remove();
        } else {
          strip(field.getValue());
        }
      }
    } else if (node.isArray()) {
      node.forEach(GeneratedModelsRoundTripTest::strip);
    }
  }
}
