package dev.worldsapi.server.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldsapi.server.spec.SpecDocument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the spec says of one operation's input: its id, path template, its parameters (path, then
 * query, then header, each in declared order) and its JSON body.
 *
 * @param body the body's schema, or {@code null} when the operation takes none
 */
record SpecOperation(
    String operationId,
    String method,
    String template,
    List<Parameter> parameters,
    JsonNode body,
    boolean bodyRequired) {

  private static final List<String> LOCATIONS = List.of("path", "query", "header");

  /** A declared parameter; {@code schema} is resolved. */
  record Parameter(String name, String in, boolean required, JsonNode schema) {}

  /**
   * Every operation of the spec by {@code "GET /api/v1/..."}, each checked to use only rules the
   * runtime enforces.
   */
  static Map<String, SpecOperation> all(SpecDocument spec, SchemaValidator validator) {
    Map<String, SpecOperation> operations = new HashMap<>();
    spec.root()
        .path("paths")
        .fields()
        .forEachRemaining(
            path -> {
              JsonNode item = path.getValue();
              item.fields()
                  .forEachRemaining(
                      entry -> {
                        if (!entry.getValue().has("responses")) {
                          return;
                        }
                        SpecOperation operation =
                            of(
                                spec,
                                validator,
                                entry.getKey(),
                                path.getKey(),
                                item,
                                entry.getValue());
                        operations.put(key(operation.method(), operation.template()), operation);
                      });
            });
    return Map.copyOf(operations);
  }

  static String key(String method, String template) {
    return method.toUpperCase(Locale.ROOT) + " " + template;
  }

  private static SpecOperation of(
      SpecDocument spec,
      SchemaValidator validator,
      String method,
      String template,
      JsonNode pathItem,
      JsonNode operation) {
    String where = method.toUpperCase(Locale.ROOT) + " " + template;
    // Operation-level parameters override path-level ones of the same name and location.
    Map<String, Parameter> byKey = new LinkedHashMap<>();
    for (JsonNode declared : List.of(pathItem.path("parameters"), operation.path("parameters"))) {
      for (JsonNode node : declared) {
        JsonNode parameter = spec.resolve(node);
        String in = parameter.path("in").asText();
        String name = parameter.path("name").asText();
        if (!LOCATIONS.contains(in)) {
          throw new IllegalStateException(
              "openapi.yaml: " + where + " has a parameter in `" + in + "`, which is not checked");
        }
        JsonNode schema = spec.resolve(parameter.path("schema"));
        validator.requireSupported(schema, where + " parameter " + name);
        byKey.put(
            in + ":" + name,
            new Parameter(name, in, parameter.path("required").asBoolean(false), schema));
      }
    }
    List<Parameter> parameters = new ArrayList<>(byKey.values());
    parameters.sort(Comparator.comparingInt(p -> LOCATIONS.indexOf(p.in())));
    JsonNode body = null;
    boolean bodyRequired = false;
    if (operation.has("requestBody")) {
      JsonNode requestBody = spec.resolve(operation.get("requestBody"));
      body = requestBody.path("content").path("application/json").path("schema");
      if (body.isMissingNode()) {
        throw new IllegalStateException(
            "openapi.yaml: " + where + " takes a body that is not application/json");
      }
      validator.requireSupported(body, where + " body");
      bodyRequired = requestBody.path("required").asBoolean(false);
    }
    return new SpecOperation(
        operation.path("operationId").asText(),
        method.toUpperCase(Locale.ROOT),
        template,
        List.copyOf(parameters),
        body,
        bodyRequired);
  }
}
