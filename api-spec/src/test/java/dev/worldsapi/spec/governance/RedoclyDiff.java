package dev.worldsapi.spec.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The gate's second engine: Redocly CLI's {@code diff} (the version pinned in package-lock.json,
 * its rules configured in redocly.yaml), run as a process, its JSON report read into findings that
 * each name where the change is, as a reader of the spec would say it ({@code
 * WorldJob.created_by_user.full_name}).
 */
final class RedoclyDiff {

  /** Where the npm tools are installed: the api-spec module, where the build runs its tests. */
  private static final Path REDOCLY = Path.of("node_modules/.bin/redocly");

  private static final Path CONFIG = Path.of("redocly.yaml");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /**
   * One change as Redocly judged it.
   *
   * @param impact {@code major} (breaks clients), {@code minor} or {@code patch}
   * @param where the changed element, e.g. {@code WorldJob.created_at}
   */
  record Finding(String impact, String rule, String message, String where) {

    boolean breaking() {
      return "major".equals(impact);
    }

    /** One sentence: where, what, and which rule said so. */
    String sentence() {
      return where + ": " + message + " (Redocly " + rule + ", " + impact + ")";
    }
  }

  private RedoclyDiff() {}

  static List<Finding> compare(Path baseline, Path current) {
    if (!Files.isExecutable(REDOCLY)) {
      throw new IllegalStateException(
          "Redocly CLI is not installed at api-spec/"
              + REDOCLY
              + ": run `npm --prefix api-spec ci --ignore-scripts` (the build does it when it is"
              + " missing)");
    }
    try {
      Path report = Files.createTempFile("redocly-diff", ".json");
      Path log = Files.createTempFile("redocly-diff", ".log");
      try {
        Process process =
            new ProcessBuilder(
                    REDOCLY.toString(),
                    "diff",
                    baseline.toAbsolutePath().toString(),
                    current.toAbsolutePath().toString(),
                    "--config=" + CONFIG,
                    "--format=json",
                    "--fail-on=none",
                    "--output=" + report)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException("redocly diff did not finish within 120 s");
        }
        if (process.exitValue() != 0 || Files.size(report) == 0) {
          throw new IllegalStateException(
              "redocly diff failed (exit "
                  + process.exitValue()
                  + "):\n"
                  + Files.readString(log, StandardCharsets.UTF_8));
        }
        return findings(JSON.readTree(report.toFile()), baseline, current);
      } finally {
        Files.deleteIfExists(report);
        Files.deleteIfExists(log);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while redocly diff ran", e);
    }
  }

  private static List<Finding> findings(JsonNode report, Path baseline, Path current)
      throws IOException {
    JsonNode base = YAML.readTree(baseline.toFile());
    JsonNode revision = YAML.readTree(current.toFile());
    List<Finding> findings = new ArrayList<>();
    for (JsonNode change : report.path("changes")) {
      String pointer = change.path("path").asText();
      JsonNode document = "removed".equals(change.path("kind").asText()) ? base : revision;
      String where = SpecPaths.readable(document, pointer);
      for (JsonNode verdict : change.path("verdicts")) {
        findings.add(
            new Finding(
                verdict.path("impact").asText(),
                verdict.path("ruleId").asText(),
                verdict.path("message").asText(),
                where));
      }
    }
    return findings;
  }
}
