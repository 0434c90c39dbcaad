package dev.worldsapi.spec.governance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The breaking-change gate: the current spec against the last release's, and the gate itself shown
 * to catch the changes it exists for.
 */
class SpecCompatibilityTest {

  private static final Path BASELINE = Path.of("src/baseline/openapi.yaml");
  private static final Path CURRENT = Path.of("src/main/resources/openapi.yaml");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String LIST = "/api/v1/org/{org}/ws/{workspace}/worlds/jobs";

  @TempDir Path dir;

  @Test
  void currentSpecMayShipAgainstTheLastRelease() throws IOException {
    SpecCompatibility.Verdict verdict =
        SpecCompatibility.compare(BASELINE.toString(), CURRENT.toString());

    if (!verdict.report().isEmpty()) {
      Files.writeString(
          Path.of("target/spec-changes.md"), verdict.report(), StandardCharsets.UTF_8);
      System.out.println(
          "Spec changes since the last release (also in api-spec/target/spec-changes.md):\n"
              + verdict.report());
    }
    assertThat(verdict.mayShip()).as(verdict.explanation()).isTrue();
  }

  @ParameterizedTest(name = "WorldJob.{0}")
  @ValueSource(strings = {"error", "created_by_user"})
  void removingAResponseFieldBreaksClients(String field) throws IOException {
    SpecCompatibility.Verdict verdict =
        assertBreaks(
            spec -> ((ObjectNode) schema(spec, "WorldJob").get("properties")).remove(field));

    assertThat(verdict.report()).contains("WorldJob." + field);
  }

  @Test
  void removingARequiredResponseFieldBreaksClients() throws IOException {
    assertBreaks(
        spec -> {
          ObjectNode job = schema(spec, "WorldJob");
          ((ObjectNode) job.get("properties")).remove("workspace_id");
          ArrayNode required = (ArrayNode) job.get("required");
          for (int i = required.size() - 1; i >= 0; i--) {
            if (required.get(i).asText().equals("workspace_id")) {
              required.remove(i);
            }
          }
        });
  }

  @Test
  void tighteningABoundBreaksClients() throws IOException {
    assertBreaks(spec -> parameter(spec, "page_size").with("schema").put("maximum", 50));
  }

  @Test
  void addingARequiredParameterBreaksClients() throws IOException {
    assertBreaks(
        spec -> {
          ArrayNode parameters = (ArrayNode) spec.at("/paths/" + escape(LIST) + "/get/parameters");
          ObjectNode region = parameters.addObject();
          region
              .put("name", "region")
              .put("in", "query")
              .put("required", true)
              .with("schema")
              .put("type", "string");
        });
  }

  @Test
  void removingAnOperationBreaksClients() throws IOException {
    assertBreaks(
        spec ->
            ((ObjectNode) spec.get("paths"))
                .remove("/api/v1/org/{org}/ws/{workspace}/worlds/jobs/{job_id}/cancel"));
  }

  @Test
  void addingAnOptionalFieldIsCompatible() throws IOException {
    SpecCompatibility.Verdict verdict =
        compareWithChange(
            spec -> {
              ObjectNode properties =
                  (ObjectNode) schema(spec, "CreateWorldManifestRequest").get("properties");
              properties.putObject("description").put("type", "string").put("nullable", true);
            },
            null);

    assertThat(verdict.incompatible()).as(verdict.report()).isFalse();
    assertThat(verdict.mayShip()).isTrue();
    assertThat(verdict.report()).contains("description");
  }

  @ParameterizedTest(name = "version {0}")
  @ValueSource(strings = {"1.0.0", "2.3.1", "0.2.0"})
  void raisingTheMajorVersionLetsABreakingChangeShip(String version) throws IOException {
    SpecCompatibility.Verdict verdict =
        compareWithChange(spec -> ((ObjectNode) spec.get("paths")).remove(LIST), version);

    assertThat(verdict.incompatible()).isTrue();
    assertThat(verdict.mayShip()).isTrue();
  }

  @Test
  void aPatchOfA0xVersionDoesNotLetABreakingChangeShip() throws IOException {
    SpecCompatibility.Verdict verdict =
        compareWithChange(spec -> ((ObjectNode) spec.get("paths")).remove(LIST), "0.1.9");

    assertThat(verdict.incompatible()).isTrue();
    assertThat(verdict.mayShip()).isFalse();
  }

  private SpecCompatibility.Verdict assertBreaks(Consumer<ObjectNode> change) throws IOException {
    SpecCompatibility.Verdict verdict = compareWithChange(change, null);

    assertThat(verdict.incompatible()).as("incompatible:\n%s", verdict.report()).isTrue();
    assertThat(verdict.mayShip()).isFalse();
    assertThat(verdict.explanation()).contains("raise the major version");
    return verdict;
  }

  private SpecCompatibility.Verdict compareWithChange(Consumer<ObjectNode> change, String version)
      throws IOException {
    ObjectNode spec = (ObjectNode) YAML.readTree(BASELINE.toFile());
    change.accept(spec);
    if (version != null) {
      ((ObjectNode) spec.get("info")).put("version", version);
    }
    Path changed = dir.resolve("openapi.yaml");
    YAML.writeValue(changed.toFile(), spec);
    return SpecCompatibility.compare(BASELINE.toString(), changed.toString());
  }

  private static ObjectNode schema(ObjectNode spec, String name) {
    return (ObjectNode) spec.at("/components/schemas/" + name);
  }

  private static ObjectNode parameter(ObjectNode spec, String name) {
    for (var parameter : spec.at("/paths/" + escape(LIST) + "/get/parameters")) {
      if (name.equals(parameter.path("name").asText())) {
        return (ObjectNode) parameter;
      }
    }
    throw new AssertionError("no parameter " + name);
  }

  private static String escape(String path) {
    return path.replace("~", "~0").replace("/", "~1");
  }
}
