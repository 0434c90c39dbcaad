package dev.worldsapi.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

/** The spec as it is packaged: {@code openapi.yaml} at the root of the api-spec jar. */
public final class PackagedSpec {

  public static final String RESOURCE = "openapi.yaml";

  private PackagedSpec() {}

  public static URL location() {
    URL url = PackagedSpec.class.getClassLoader().getResource(RESOURCE);
    if (url == null) {
      throw new IllegalStateException(
          RESOURCE
              + " is not on the classpath: it must be packaged at the root of the api-spec jar");
    }
    return url;
  }

  /** Parses without resolving internal references, so that {@code $ref}s stay visible. */
  public static SwaggerParseResult parse(URL location) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(false);
    options.setValidateInternalRefs(true);
    return new OpenAPIV3Parser().readLocation(location.toString(), List.of(), options);
  }

  /** Parses the spec and fails, naming where it is, unless it is a valid OpenAPI document. */
  public static OpenAPI load() {
    return load(location());
  }

  public static OpenAPI load(URL location) {
    SwaggerParseResult result = parse(location);
    List<String> messages =
        new ArrayList<>(result.getMessages() == null ? List.of() : result.getMessages());
    messages.addAll(danglingReferences(location));
    if (result.getOpenAPI() == null || !messages.isEmpty()) {
      throw new AssertionError(
          "The spec at "
              + location
              + " (edit api-spec/src/main/resources/openapi.yaml) is not a valid OpenAPI 3.0 document:\n - "
              + String.join("\n - ", messages));
    }
    return result.getOpenAPI();
  }

  /**
   * The parser accepts some {@code $ref}s that point nowhere (a response's, for one); the
   * generators do not.
   */
  private static List<String> danglingReferences(URL location) {
    JsonNode root;
    try (InputStream in = location.openStream()) {
      root = new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      return List.of("cannot be read as YAML: " + e.getMessage());
    }
    List<String> dangling = new ArrayList<>();
    collectDangling(root, root, "#", dangling);
    return dangling;
  }

  private static void collectDangling(
      JsonNode root, JsonNode node, String where, List<String> dangling) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null
          && ref.isTextual()
          && ref.asText().startsWith("#/")
          && root.at(ref.asText().substring(1)).isMissingNode()) {
        dangling.add(where + ": $ref " + ref.asText() + " points to nothing");
      }
      node.fields()
          .forEachRemaining(
              e -> collectDangling(root, e.getValue(), where + "/" + e.getKey(), dangling));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectDangling(root, node.get(i), where + "/" + i, dangling);
      }
    }
  }
}
