package dev.worldsapi.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The examples written in the packaged spec, as JSON trees, so that tests of generated code use the
 * spec's own examples instead of copies of them.
 */
public final class SpecExamples {

  private static final JsonNode SPEC = read();

  private SpecExamples() {}

  /**
   * The example of a shared response in {@code components/responses}, e.g. {@code "Unauthorized"}.
   */
  public static JsonNode sharedResponse(String name) {
    return at("/components/responses/" + name + "/content/application~1json/example");
  }

  /** A named example of the 200 response of list_world_jobs, e.g. {@code "docs"}. */
  public static JsonNode listJobs(String name) {
    return at(
        "/paths/~1api~1v1~1org~1{org}~1ws~1{workspace}~1worlds~1jobs/get/responses/200"
            + "/content/application~1json/examples/"
            + name
            + "/value");
  }

  private static JsonNode at(String pointer) {
    JsonNode node = SPEC.at(pointer);
    if (node.isMissingNode()) {
      throw new IllegalArgumentException("the spec has no example at " + pointer);
    }
    return node.deepCopy();
  }

  private static JsonNode read() {
    try (InputStream in = PackagedSpec.location().openStream()) {
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + PackagedSpec.location(), e);
    }
  }
}
