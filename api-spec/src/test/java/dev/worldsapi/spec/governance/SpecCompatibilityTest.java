package dev.worldsapi.spec.governance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
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
 * The breaking-change gate: the current spec against the last release's, and the version rule that
 * lets a breaking change ship. What the gate calls breaking is BreakingChangeTableTest's.
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

    // The full report goes to a file; the console gets one line, and the gate's explanation
    // (which names each breaking change) only when it fails.
    Path report = Path.of("target/spec-changes.md");
    Files.createDirectories(report.getParent());
    Files.writeString(report, verdict.report(), StandardCharsets.UTF_8);
    System.out.println(
        "Spec compatibility with "
            + verdict.baselineVersion()
            + ": "
            + (!verdict.incompatible()
                ? "compatible"
                : verdict.mayShip()
                    ? verdict.breakingChanges().size()
                        + " incompatible change(s), allowed by version "
                        + verdict.currentVersion()
                    : "REFUSED")
            + "; the changes since that release: api-spec/"
            + report);
    assertThat(verdict.mayShip()).as(verdict.explanation()).isTrue();
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
}
