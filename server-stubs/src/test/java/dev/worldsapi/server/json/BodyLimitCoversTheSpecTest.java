package dev.worldsapi.server.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldsapi.server.spec.SpecDocument;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The spec's bounds and the runtime's body limit agree: for every operation that takes a body, the
 * largest body its schema allows, written compactly (no whitespace between tokens, numbers in their
 * shortest form) and with every character of every string and name escaped at its longest ({@code
 * \\uD83D\\uDE00}, 12 bytes for one character), is under half of {@link
 * JsonLimits#DEFAULT_MAX_BODY_BYTES}. Read from the spec, so a bound raised there is checked here.
 * A string or array without a bound fails the test: its largest body is unbounded.
 */
class BodyLimitCoversTheSpecTest {

  private static final SpecDocument SPEC = SpecDocument.packaged();

  /** The most bytes one character takes in JSON: an escaped surrogate pair. */
  private static final long CHARACTER = 12;

  @TestFactory
  Stream<DynamicTest> everyBodyTheSpecAllowsFitsUnderHalfTheLimit() {
    List<DynamicTest> tests = new ArrayList<>();
    SPEC.root()
        .path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        operation -> {
                          JsonNode schema =
                              operation
                                  .getValue()
                                  .at("/requestBody/content/application~1json/schema");
                          if (!schema.isMissingNode()) {
                            String id = operation.getValue().path("operationId").asText();
                            tests.add(
                                DynamicTest.dynamicTest(
                                    id,
                                    () ->
                                        assertThat(largest(schema, id))
                                            .as("the largest body of %s, in bytes", id)
                                            .isLessThan(JsonLimits.DEFAULT_MAX_BODY_BYTES / 2)));
                          }
                        }));
    assertThat(tests).as("operations that take a body").isNotEmpty();
    return tests.stream();
  }

  /** The most bytes a value of the schema takes, written compactly with everything escaped. */
  private static long largest(JsonNode declared, String where) {
    JsonNode schema = SPEC.resolve(declared);
    long nullable = SPEC.isNullable(schema) ? 4 : 0;
    if (schema.has("allOf") && schema.get("allOf").size() == 1) {
      return Math.max(largest(schema.get("allOf").get(0), where), nullable);
    }
    if (schema.has("anyOf")) {
      long most = 0;
      for (JsonNode choice : schema.get("anyOf")) {
        most = Math.max(most, largest(choice, where));
      }
      return most;
    }
    if (schema.has("enum")) {
      long most = 4;
      for (JsonNode value : schema.get("enum")) {
        most = Math.max(most, value.isNull() ? 4 : 2 + CHARACTER * value.asText().length());
      }
      return most;
    }
    long value =
        switch (schema.path("type").asText()) {
          case "string" -> {
            if (!schema.has("maxLength")) {
              throw new AssertionError(where + ": a string without a maxLength: " + schema);
            }
            yield 2 + CHARACTER * schema.get("maxLength").asLong();
          }
          case "integer" ->
              Math.max(digits(schema.path("minimum")), digits(schema.path("maximum")));
          case "number" -> 24; // the longest shortest form of a double, "-2.2250738585072014E-308"
          case "boolean" -> 5;
          case "array" -> {
            if (!schema.has("maxItems")) {
              throw new AssertionError(where + ": an array without a maxItems: " + schema);
            }
            long items = schema.get("maxItems").asLong();
            yield 2 + items * largest(schema.get("items"), where + "[]") + Math.max(0, items - 1);
          }
          case "object" -> {
            long object = 2;
            int fields = 0;
            for (var property :
                (Iterable<java.util.Map.Entry<String, JsonNode>>)
                    schema.path("properties").properties()::iterator) {
              object +=
                  2
                      + CHARACTER * property.getKey().length()
                      + 1
                      + largest(property.getValue(), where + "." + property.getKey());
              fields++;
            }
            if (schema.path("additionalProperties").asBoolean(false)
                || schema.path("additionalProperties").isObject()) {
              throw new AssertionError(where + ": an object open to any field has no largest size");
            }
            yield object + Math.max(0, fields - 1);
          }
          default -> throw new AssertionError(where + ": no type: " + schema);
        };
    return Math.max(value, nullable);
  }

  private static long digits(JsonNode bound) {
    if (!bound.isNumber()) {
      throw new AssertionError("an integer without both bounds");
    }
    return new BigInteger(bound.asText()).toString().length();
  }
}
