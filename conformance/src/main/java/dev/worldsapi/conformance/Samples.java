package dev.worldsapi.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values a schema allows and values that break exactly one of its rules, read from the schema
 * alone: every enum value, both bounds, a value past each bound, the wrong JSON type, {@code null}
 * where it is not nullable, a string just inside and just outside each length bound, an array of
 * exactly its most items and of one more, a malformed uuid.
 */
final class Samples {

  static final String A_UUID = "5f0c4b5e-3c1a-4c7e-9a55-2b9d3c1e7a10";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Samples() {}

  /** Values the schema allows, each with a label. */
  static Map<String, JsonNode> valid(Schema<?> schema) {
    Map<String, JsonNode> values = new LinkedHashMap<>();
    if (schema.getEnum() != null) {
      for (Object value : schema.getEnum()) {
        values.put(
            value == null ? "null" : String.valueOf(value),
            value == null ? NODES.nullNode() : text(value));
      }
    } else {
      switch (type(schema)) {
        case "integer", "number" -> {
          BigDecimal min = schema.getMinimum();
          BigDecimal max = schema.getMaximum();
          if (min != null) {
            values.put("minimum " + plain(min), number(min));
          }
          if (max != null) {
            values.put("maximum " + plain(max), number(max));
          }
          if (min == null && max == null) {
            values.put("0", NODES.numberNode(0));
          }
          if (schema.getDefault() != null) {
            values.put(
                "default " + schema.getDefault(),
                number(new BigDecimal(schema.getDefault().toString())));
          }
        }
        case "boolean" -> {
          values.put("true", NODES.booleanNode(true));
          values.put("false", NODES.booleanNode(false));
        }
        case "array" -> {
          values.put("[]", NODES.arrayNode());
          JsonNode item = anyValid(schema.getItems());
          if (!item.isNull()) {
            values.put("[one item]", NODES.arrayNode().add(item));
            if (schema.getMaxItems() != null && schema.getMaxItems() > 1) {
              values.put("maxItems " + schema.getMaxItems(), items(item, schema.getMaxItems()));
            }
          }
        }
        case "object" -> values.put("{}", NODES.objectNode());
        default -> {
          values.put(describeString(schema), NODES.textNode(aString(schema)));
          // Just inside each length bound of free text (a format fixes its own length).
          if (schema.getFormat() == null && schema.getPattern() == null) {
            if (schema.getMinLength() != null && schema.getMinLength() > 1) {
              values.put(
                  "minLength " + schema.getMinLength(),
                  NODES.textNode("a".repeat(schema.getMinLength())));
            }
            if (schema.getMaxLength() != null) {
              values.put(
                  "maxLength " + schema.getMaxLength(),
                  NODES.textNode("a".repeat(schema.getMaxLength())));
            }
          }
        }
      }
    }
    if (Boolean.TRUE.equals(schema.getNullable())) {
      values.put("null", NODES.nullNode());
    }
    return values;
  }

  /** One allowed value, the first of {@link #valid} that is not null. */
  static JsonNode anyValid(Schema<?> schema) {
    return valid(schema).values().stream()
        .filter(value -> !value.isNull())
        .findFirst()
        .orElse(NODES.nullNode());
  }

  /** A rule broken, the value that breaks it, and the loc suffix of the problem (items). */
  record Break(String rule, String description, JsonNode value, List<Object> locSuffix) {}

  /** JSON values that each break one rule of the schema. */
  static List<Break> invalid(Schema<?> schema) {
    List<Break> breaks = new ArrayList<>();
    String type = type(schema);
    switch (type) {
      case "string" -> breaks.add(new Break("type", "a number", NODES.numberNode(123), List.of()));
      case "integer" -> {
        breaks.add(new Break("type", "a string", NODES.textNode("1"), List.of()));
        breaks.add(
            new Break("type", "a fraction", NODES.numberNode(new BigDecimal("1.5")), List.of()));
      }
      case "number" -> breaks.add(new Break("type", "a string", NODES.textNode("1"), List.of()));
      case "boolean" -> {
        breaks.add(new Break("type", "a string", NODES.textNode("true"), List.of()));
        breaks.add(new Break("type", "a number", NODES.numberNode(1), List.of()));
      }
      case "array" -> breaks.add(new Break("type", "a string", NODES.textNode("x"), List.of()));
      default -> breaks.add(new Break("type", "a list", NODES.arrayNode(), List.of()));
    }
    if (schema.getEnum() != null) {
      breaks.add(new Break("enum", "a value not listed", NODES.textNode("not-a-value"), List.of()));
    }
    if (schema.getMinimum() != null) {
      BigDecimal below = schema.getMinimum().subtract(BigDecimal.ONE);
      breaks.add(new Break("minimum", plain(below), number(below), List.of()));
    }
    if (schema.getMaximum() != null) {
      BigDecimal above = schema.getMaximum().add(BigDecimal.ONE);
      breaks.add(new Break("maximum", plain(above), number(above), List.of()));
    }
    if (schema.getMinLength() != null && schema.getMinLength() > 0) {
      String shorter = "a".repeat(schema.getMinLength() - 1);
      breaks.add(new Break("minLength", "\"" + shorter + "\"", NODES.textNode(shorter), List.of()));
    }
    if (schema.getMaxLength() != null) {
      String longer = "a".repeat(schema.getMaxLength() + 1);
      breaks.add(
          new Break(
              "maxLength",
              (schema.getMaxLength() + 1) + " characters",
              NODES.textNode(longer),
              List.of()));
    }
    if ("uuid".equals(schema.getFormat())) {
      breaks.add(new Break("format", "not a uuid", NODES.textNode("not-a-uuid"), List.of()));
    }
    if (schema.getMaxItems() != null && schema.getItems() != null) {
      JsonNode item = anyValid(schema.getItems());
      if (!item.isNull()) {
        breaks.add(
            new Break(
                "maxItems",
                (schema.getMaxItems() + 1) + " items",
                items(item, schema.getMaxItems() + 1),
                List.of()));
      }
    }
    if (!Boolean.TRUE.equals(schema.getNullable())
        && (schema.getEnum() == null || !schema.getEnum().contains(null))) {
      breaks.add(new Break("nullable", "null", NODES.nullNode(), List.of()));
    }
    if ("array".equals(type) && schema.getItems() != null) {
      for (Break item : invalid(schema.getItems())) {
        List<Object> suffix = new ArrayList<>(List.of(0));
        suffix.addAll(item.locSuffix());
        breaks.add(
            new Break(
                item.rule(),
                "item " + item.description(),
                NODES.arrayNode().add(item.value()),
                List.copyOf(suffix)));
      }
    }
    return breaks;
  }

  static String type(Schema<?> schema) {
    if (schema.getType() != null) {
      return schema.getType();
    }
    return schema.getTypes() == null || schema.getTypes().isEmpty()
        ? "string"
        : schema.getTypes().iterator().next();
  }

  /** An array of {@code count} copies of {@code item}. */
  private static JsonNode items(JsonNode item, int count) {
    var array = NODES.arrayNode();
    for (int i = 0; i < count; i++) {
      array.add(item);
    }
    return array;
  }

  private static String aString(Schema<?> schema) {
    if ("uuid".equals(schema.getFormat())) {
      return A_UUID;
    }
    if ("date-time".equals(schema.getFormat())) {
      return "2026-01-05T10:15:30Z";
    }
    return "conformance";
  }

  private static String describeString(Schema<?> schema) {
    return schema.getFormat() == null ? "a string" : "a " + schema.getFormat();
  }

  private static JsonNode text(Object value) {
    return NODES.textNode(String.valueOf(value));
  }

  private static JsonNode number(BigDecimal value) {
    return value.scale() <= 0 || value.stripTrailingZeros().scale() <= 0
        ? NODES.numberNode(new BigInteger(value.stripTrailingZeros().toPlainString()))
        : NODES.numberNode(value);
  }

  static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
