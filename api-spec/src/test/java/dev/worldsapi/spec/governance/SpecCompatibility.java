package dev.worldsapi.spec.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.compare.OpenApiDiffOptions;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.Endpoint;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * Compares a spec with the spec of the last release and decides whether the change may ship: a
 * change that breaks existing clients needs a higher major version in {@code info.version}. Below
 * 1.0.0 the minor number plays that part (SemVer's "anything may change" for 0.y.z, read as Cargo
 * reads it): 0.1.x to 0.2.0 may break, 0.1.0 to 0.1.1 may not.
 *
 * <p>Two engines judge each change, and a change either calls breaking breaks: OpenAPITools'
 * openapi-diff (configured in {@code openapi-diff.yaml}) and Redocly CLI's {@code diff} (its {@code
 * diff-recommended} rules, configured in {@code redocly.yaml}), which judges a change by its
 * direction and descends into composed schemas, where openapi-diff is silent on some changes (a
 * response field becoming nullable, a field removed from a schema reached through {@code allOf}, an
 * array item's bound tightened in a request, a request field no longer nullable).
 */
public final class SpecCompatibility {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static final OpenApiDiffOptions OPENAPI_DIFF =
      OpenApiDiffOptions.builder().configYaml(new File("openapi-diff.yaml")).build();

  /**
   * @param incompatible whether existing clients would break
   * @param majorRaised whether the current version is a new major version of the baseline's: a
   *     higher major number, or from 0.y.z a higher minor number
   * @param breakingChanges one sentence for each breaking change, naming where it is
   * @param report both engines' findings, in Markdown; empty when nothing changed
   */
  public record Verdict(
      boolean incompatible,
      boolean majorRaised,
      String baselineVersion,
      String currentVersion,
      List<String> breakingChanges,
      String report) {

    public boolean mayShip() {
      return !incompatible || majorRaised;
    }

    public String explanation() {
      if (!incompatible) {
        return "The spec is backward compatible with " + baselineVersion + ".";
      }
      String changes = "- " + String.join("\n- ", breakingChanges) + "\n\n" + report;
      return majorRaised
          ? "Breaking change from "
              + baselineVersion
              + " to "
              + currentVersion
              + ", allowed by the new major version"
              + (currentVersion.strip().startsWith("0.") ? " (0.y.z: the minor number)" : "")
              + ":\n"
              + changes
          : "Breaking change from "
              + baselineVersion
              + " while info.version is "
              + currentVersion
              + ": raise the major version, or make the change compatible:\n"
              + changes;
    }
  }

  private SpecCompatibility() {}

  /** Compares two specs by file path. */
  public static Verdict compare(String baseline, String current) {
    ChangedOpenApi diff = OpenApiCompare.fromLocations(baseline, current, null, OPENAPI_DIFF);
    List<RedoclyDiff.Finding> redocly = RedoclyDiff.compare(Path.of(baseline), Path.of(current));
    String baselineVersion = diff.getOldSpecOpenApi().getInfo().getVersion();
    String currentVersion = diff.getNewSpecOpenApi().getInfo().getVersion();

    List<String> breaking = new ArrayList<>();
    redocly.stream().filter(RedoclyDiff.Finding::breaking).forEach(f -> breaking.add(f.sentence()));
    if (diff.isIncompatible()) {
      breaking.addAll(openApiDiffSentences(diff));
    }
    List<String> project = changedDefaults(Path.of(baseline), Path.of(current));
    breaking.addAll(project);
    boolean changed = !diff.isUnchanged() || !redocly.isEmpty() || !project.isEmpty();
    String report =
        changed
            ? "### openapi-diff\n\n"
                + (diff.isUnchanged() ? "No change found.\n" : markdown(diff))
                + "\n### Redocly diff\n\n"
                + (redocly.isEmpty()
                    ? "No change found.\n"
                    : redocly.stream()
                        .map(f -> "- " + f.sentence() + "\n")
                        .reduce("", String::concat))
                + (project.isEmpty()
                    ? ""
                    : "\n### This project's rules\n\n"
                        + project.stream().map(p -> "- " + p + "\n").reduce("", String::concat))
            : "";
    return new Verdict(
        !breaking.isEmpty(),
        breakingLevel(currentVersion).compareTo(breakingLevel(baselineVersion)) > 0,
        baselineVersion,
        currentVersion,
        List.copyOf(breaking),
        report);
  }

  /**
   * The project's rule where both engines are silent: a default that changes or goes. A client that
   * leaves the value out gets other work done than it asked for (AIP-180 counts this as breaking);
   * every default in this spec is on a request.
   */
  static List<String> changedDefaults(Path baseline, Path current) {
    try {
      JsonNode before = YAML.readTree(baseline.toFile());
      JsonNode after = YAML.readTree(current.toFile());
      Map<String, JsonNode> now = SpecPaths.defaults(after);
      List<String> sentences = new ArrayList<>();
      SpecPaths.defaults(before)
          .forEach(
              (pointer, value) -> {
                JsonNode element = after.at(pointer.substring(1));
                if (element.isMissingNode()) {
                  return; // the element itself went: the engines judge that
                }
                JsonNode changed = now.get(pointer);
                if (!value.equals(changed)) {
                  sentences.add(
                      SpecPaths.readable(before, pointer)
                          + ": the default "
                          + (changed == null
                              ? "(" + value + ") was removed"
                              : "changed from " + value + " to " + changed)
                          + "; a client that leaves the value out gets other work done (project rule"
                          + " default-changed)");
                }
              });
      return sentences;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** What openapi-diff found incompatible, by operation. */
  private static List<String> openApiDiffSentences(ChangedOpenApi diff) {
    List<String> sentences = new ArrayList<>();
    for (Endpoint missing : diff.getMissingEndpoints()) {
      sentences.add(
          missing.getMethod()
              + " "
              + missing.getPathUrl()
              + ": the operation was removed (openapi-diff)");
    }
    for (ChangedOperation operation : diff.getChangedOperations()) {
      if (operation.isIncompatible()) {
        sentences.add(
            operation.getHttpMethod()
                + " "
                + operation.getPathUrl()
                + ": an incompatible change, see openapi-diff's report (openapi-diff)");
      }
    }
    if (sentences.isEmpty()) {
      sentences.add("an incompatible change outside any operation (openapi-diff)");
    }
    return sentences;
  }

  private static String markdown(ChangedOpenApi diff) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      new MarkdownRender().render(diff, writer);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The part of a version that a breaking change must raise: major, or minor below 1.0.0. */
  static java.math.BigDecimal breakingLevel(String version) {
    try {
      String[] parts = version.strip().split("\\.");
      int major = Integer.parseInt(parts[0]);
      return major > 0
          ? java.math.BigDecimal.valueOf(major)
          : new java.math.BigDecimal("0." + String.format("%09d", Integer.parseInt(parts[1])));
    } catch (RuntimeException notSemantic) {
      throw new IllegalArgumentException(
          "info.version must be major.minor.patch, got \"" + version + "\"");
    }
  }
}
