package dev.worldsapi.client.surface;

import dev.worldsapi.spec.PackagedSpec;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The spec's operations as the client tests need them, read from the packaged openapi.yaml with
 * every reference resolved: where the client puts each one, its query parameters and the example of
 * its success.
 */
final class SpecOperations {

  private SpecOperations() {}

  /** One operation of the spec. */
  record Op(
      String operationId,
      String httpMethod,
      String path,
      String resource,
      String method,
      List<Parameter> queryParams,
      String successExample,
      String requestExample) {

    /** {@code ListWorldJobsParams} for {@code list_world_jobs}. */
    String paramsClassName() {
      return "dev.worldsapi.client." + camel(operationId, true) + "Params";
    }

    @Override
    public String toString() {
      return operationId;
    }
  }

  static List<Op> all() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    OpenAPI spec =
        new OpenAPIV3Parser().read(PackagedSpec.location().toString(), List.of(), options);
    List<Op> ops = new ArrayList<>();
    spec.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, op) ->
                            ops.add(
                                new Op(
                                    op.getOperationId(),
                                    method.name(),
                                    path,
                                    extension(op, "x-worlds-resource"),
                                    extension(op, "x-worlds-method"),
                                    queryParams(item.getParameters(), op),
                                    successExample(op),
                                    requestExample(op)))));
    return ops;
  }

  /** {@code pageSize} for {@code page_size}; {@code PageSize} with {@code upper}. */
  static String camel(String snake, boolean upper) {
    StringBuilder out = new StringBuilder();
    boolean up = upper;
    for (char c : snake.toCharArray()) {
      if (c == '_' || c == '-') {
        up = true;
      } else {
        out.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return out.toString();
  }

  /** The integer bounds of a schema, when it has them. */
  static Long bound(Number value) {
    return value == null ? null : value.longValue();
  }

  /** The values of a schema's enum, null left out. */
  static List<String> enumValues(Schema<?> schema) {
    List<String> values = new ArrayList<>();
    if (schema.getEnum() != null) {
      for (Object value : schema.getEnum()) {
        if (value != null) {
          values.add(value.toString());
        }
      }
    }
    return values;
  }

  private static String extension(Operation op, String name) {
    Object value = op.getExtensions() == null ? null : op.getExtensions().get(name);
    if (!(value instanceof String text)) {
      throw new AssertionError(
          "operation " + op.getOperationId() + " has no " + name + " in openapi.yaml");
    }
    return text;
  }

  private static List<Parameter> queryParams(List<Parameter> pathLevel, Operation op) {
    List<Parameter> all = new ArrayList<>();
    if (pathLevel != null) {
      all.addAll(pathLevel);
    }
    if (op.getParameters() != null) {
      all.addAll(op.getParameters());
    }
    return all.stream().filter(p -> "query".equals(p.getIn())).toList();
  }

  /** The example of the operation's request body, or null when it takes none. */
  private static String requestExample(Operation op) {
    return op.getRequestBody() == null ? null : example(op.getRequestBody().getContent());
  }

  private static String successExample(Operation op) {
    for (Map.Entry<String, ApiResponse> response : op.getResponses().entrySet()) {
      if (response.getKey().startsWith("2")) {
        return example(response.getValue().getContent());
      }
    }
    throw new AssertionError("operation " + op.getOperationId() + " declares no 2xx answer");
  }

  /** The JSON example of a content map: its {@code example}, or the first of its examples. */
  private static String example(io.swagger.v3.oas.models.media.Content content) {
    MediaType json = content.get("application/json");
    Object example =
        json.getExample() != null
            ? json.getExample()
            : json.getExamples().values().iterator().next().getValue();
    try {
      return Json.mapper().writeValueAsString(example);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
