package dev.worldsapi.contract.consumer;

import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.V4Interaction;
import au.com.dius.pact.core.model.V4Pact;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.worldsapi.contract.Contract;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Ties each interaction to the spec operation it exercises, as a V4 external reference ({@code
 * comments.references.openapi.operationId}), found from the spec by the request's method and path,
 * so no interaction can name an operation it does not call.
 */
final class OperationIds {

  private static final Map<Pattern, Map<String, String>> OPERATIONS = read();

  private OperationIds() {}

  /** The pact, each interaction referring to its operation. */
  static V4Pact tag(V4Pact pact) {
    for (Interaction interaction : pact.getInteractions()) {
      V4Interaction.SynchronousHttp http = (V4Interaction.SynchronousHttp) interaction;
      http.addReference(
          Contract.OPENAPI,
          "operationId",
          of(http.getRequest().getMethod(), http.getRequest().getPath()));
    }
    return pact;
  }

  static String of(String method, String path) {
    return OPERATIONS.entrySet().stream()
        .filter(e -> e.getKey().matcher(path).matches())
        .map(e -> e.getValue().get(method.toLowerCase(Locale.ROOT)))
        .filter(java.util.Objects::nonNull)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    method + " " + path + " is no operation of openapi.yaml"));
  }

  private static Map<Pattern, Map<String, String>> read() {
    try (InputStream in = OperationIds.class.getClassLoader().getResourceAsStream("openapi.yaml")) {
      JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(in).path("paths");
      Map<Pattern, Map<String, String>> operations = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> path = it.next();
        Map<String, String> byMethod = new LinkedHashMap<>();
        path.getValue()
            .fields()
            .forEachRemaining(
                op -> {
                  if (op.getValue().has("operationId")) {
                    byMethod.put(op.getKey(), op.getValue().get("operationId").asText());
                  }
                });
        operations.put(Pattern.compile(path.getKey().replaceAll("\\{[^}]+}", "[^/]+")), byMethod);
      }
      return operations;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
