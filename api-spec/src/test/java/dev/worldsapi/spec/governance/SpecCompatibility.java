package dev.worldsapi.spec.governance;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * Compares a spec with the spec of the last release (OpenAPITools' openapi-diff) and decides
 * whether the change may ship: a change that breaks existing clients needs a higher major version
 * in {@code info.version}. Below 1.0.0 the minor number plays that part (SemVer's "anything may
 * change" for 0.y.z, read as Cargo reads it): 0.1.x to 0.2.0 may break, 0.1.0 to 0.1.1 may not.
 */
public final class SpecCompatibility {

  /**
   * @param incompatible whether existing clients would break
   * @param majorRaised whether the current version is a new major version of the baseline's: a
   *     higher major number, or from 0.y.z a higher minor number
   * @param report the change report, in Markdown; empty when nothing changed
   */
  public record Verdict(
      boolean incompatible,
      boolean majorRaised,
      String baselineVersion,
      String currentVersion,
      String report) {

    public boolean mayShip() {
      return !incompatible || majorRaised;
    }

    public String explanation() {
      if (!incompatible) {
        return "The spec is backward compatible with " + baselineVersion + ".";
      }
      return majorRaised
          ? "Breaking change from "
              + baselineVersion
              + " to "
              + currentVersion
              + ", allowed by the new major version"
              + (currentVersion.strip().startsWith("0.") ? " (0.y.z: the minor number)" : "")
              + ".\n\n"
              + report
          : "Breaking change from "
              + baselineVersion
              + " while info.version is "
              + currentVersion
              + ": raise the major version, or make the change compatible.\n\n"
              + report;
    }
  }

  private SpecCompatibility() {}

  /** Compares two specs by location (file path or URL). */
  public static Verdict compare(String baseline, String current) {
    ChangedOpenApi diff = OpenApiCompare.fromLocations(baseline, current);
    String baselineVersion = diff.getOldSpecOpenApi().getInfo().getVersion();
    String currentVersion = diff.getNewSpecOpenApi().getInfo().getVersion();
    List<String> lostFields =
        lostResponseFields(diff.getOldSpecOpenApi(), diff.getNewSpecOpenApi());
    String report =
        (diff.isUnchanged() ? "" : markdown(diff))
            + (lostFields.isEmpty()
                ? ""
                : "\n#### Response fields removed\n\n"
                    + lostFields.stream().map(f -> "- " + f + "\n").collect(Collectors.joining()));
    return new Verdict(
        diff.isIncompatible() || !lostFields.isEmpty(),
        breakingLevel(currentVersion).compareTo(breakingLevel(baselineVersion)) > 0,
        baselineVersion,
        currentVersion,
        report);
  }

  /**
   * Properties of response schemas that the current spec no longer has. openapi-diff lets an
   * optional response field go; a client may read any documented field, so this gate does not.
   */
  static List<String> lostResponseFields(OpenAPI baseline, OpenAPI current) {
    Set<String> responseSchemas = new TreeSet<>();
    baseline
        .getPaths()
        .values()
        .forEach(
            path ->
                path.readOperations()
                    .forEach(
                        operation ->
                            operation
                                .getResponses()
                                .values()
                                .forEach(
                                    response -> collect(baseline, response, responseSchemas))));
    List<String> lost = new ArrayList<>();
    for (String name : responseSchemas) {
      Schema<?> before = baseline.getComponents().getSchemas().get(name);
      Schema<?> after =
          current.getComponents() == null || current.getComponents().getSchemas() == null
              ? null
              : current.getComponents().getSchemas().get(name);
      if (before == null || before.getProperties() == null) {
        continue;
      }
      for (String property : before.getProperties().keySet()) {
        if (after == null
            || after.getProperties() == null
            || !after.getProperties().containsKey(property)) {
          lost.add(name + "." + property);
        }
      }
    }
    return lost;
  }

  private static void collect(OpenAPI spec, ApiResponse response, Set<String> names) {
    ApiResponse resolved = response;
    if (response.get$ref() != null) {
      resolved = spec.getComponents().getResponses().get(refName(response.get$ref()));
    }
    if (resolved != null && resolved.getContent() != null) {
      resolved.getContent().values().forEach(media -> collect(spec, media.getSchema(), names));
    }
  }

  private static void collect(OpenAPI spec, Schema<?> schema, Set<String> names) {
    if (schema == null) {
      return;
    }
    if (schema.get$ref() != null) {
      String name = refName(schema.get$ref());
      if (names.add(name)) {
        collect(spec, spec.getComponents().getSchemas().get(name), names);
      }
      return;
    }
    if (schema.getProperties() != null) {
      schema.getProperties().values().forEach(property -> collect(spec, property, names));
    }
    collect(spec, schema.getItems(), names);
    for (List<Schema> group :
        Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
      if (group != null) {
        group.forEach(member -> collect(spec, member, names));
      }
    }
  }

  private static String refName(String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
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
