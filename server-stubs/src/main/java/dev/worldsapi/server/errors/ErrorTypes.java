package dev.worldsapi.server.errors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldsapi.server.spec.SpecDocument;
import java.util.Map;
import java.util.TreeMap;

/**
 * The error envelope's {@code type} for each status, as the spec states it once: the {@code
 * x-worlds-error-type} of the shared error response each operation declares for the status. Every
 * envelope the runtime, the reference server and its test faults write takes its type here. A
 * status the spec declares nowhere takes the type of 400 below 500, and of 500 from there on.
 */
public final class ErrorTypes {

  private static final Map<Integer, String> BY_STATUS = read(SpecDocument.packaged());

  private ErrorTypes() {}

  /** The envelope's {@code type} for {@code status}, e.g. {@code not_found_error} for 404. */
  public static String of(int status) {
    String type = BY_STATUS.get(status);
    if (type != null) {
      return type;
    }
    return BY_STATUS.get(status < 500 ? 400 : 500);
  }

  private static Map<Integer, String> read(SpecDocument spec) {
    Map<Integer, String> types = new TreeMap<>();
    for (JsonNode path : spec.root().path("paths")) {
      for (JsonNode operation : path) {
        operation
            .path("responses")
            .properties()
            .forEach(
                response -> {
                  JsonNode type = spec.resolve(response.getValue()).path("x-worlds-error-type");
                  if (type.isTextual() && response.getKey().matches("\\d{3}")) {
                    types.put(Integer.parseInt(response.getKey()), type.asText());
                  }
                });
      }
    }
    if (!types.containsKey(400) || !types.containsKey(500)) {
      throw new IllegalStateException(
          "openapi.yaml: the error responses of 400 and 500 need an x-worlds-error-type, the type"
              + " of statuses the spec does not declare");
    }
    return Map.copyOf(types);
  }
}
