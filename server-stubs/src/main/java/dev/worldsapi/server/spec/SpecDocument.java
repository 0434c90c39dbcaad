package dev.worldsapi.server.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The packaged spec ({@code openapi.yaml} of the worlds-api-spec jar) as a JSON tree, read once:
 * the one description of the API that the runtime's rules are read from. Immutable and thread-safe.
 */
public final class SpecDocument {

  private static final String RESOURCE = "openapi.yaml";
  private static volatile SpecDocument packaged;

  private final JsonNode root;

  /** A spec from its parsed root, as the packaged one is read (a test may alter it first). */
  public SpecDocument(JsonNode root) {
    this.root = root;
  }

  /** The spec packaged with the runtime. */
  public static SpecDocument packaged() {
    SpecDocument spec = packaged;
    if (spec == null) {
      synchronized (SpecDocument.class) {
        if (packaged == null) {
          packaged = new SpecDocument(read());
        }
        spec = packaged;
      }
    }
    return spec;
  }

  public JsonNode root() {
    return root;
  }

  /** The node a {@code $ref} points to, or the node itself when it is no reference. */
  public JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    for (int hops = 0; current.has("$ref"); hops++) {
      String ref = current.get("$ref").asText();
      if (!ref.startsWith("#/") || hops > 32) {
        throw new IllegalStateException("openapi.yaml: unsupported or circular $ref " + ref);
      }
      current = root.at(ref.substring(1));
      if (current.isMissingNode()) {
        throw new IllegalStateException("openapi.yaml: $ref " + ref + " points nowhere");
      }
    }
    return current;
  }

  /**
   * Whether {@code null} is a valid value of a schema: it says {@code nullable: true} itself, or
   * every schema of its {@code allOf} does (OpenAPI 3.0.3: {@code nullable} does not reach into a
   * referenced schema, so a nullable reference is written as a nullable schema behind {@code
   * allOf}).
   */
  public boolean isNullable(JsonNode schema) {
    JsonNode resolved = resolve(schema);
    if (resolved.path("nullable").asBoolean(false)) {
      return true;
    }
    JsonNode allOf = resolved.path("allOf");
    if (!allOf.isArray() || allOf.isEmpty() || resolved.has("type")) {
      return false;
    }
    for (JsonNode part : allOf) {
      if (!isNullable(part)) {
        return false;
      }
    }
    return true;
  }

  private static JsonNode read() {
    try (InputStream in = SpecDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            RESOURCE + " is not on the classpath: the worlds-api-spec jar is missing");
      }
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
