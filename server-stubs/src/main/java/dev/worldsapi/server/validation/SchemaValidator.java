package dev.worldsapi.server.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldsapi.server.model.ValidationError;
import dev.worldsapi.server.spec.SpecDocument;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Checks a JSON value against a schema of the spec and reports every problem, each with its {@code
 * loc}, {@code msg} and {@code type} worded as the Worlds API words them. Knows exactly the
 * keywords the spec uses; {@link #requireSupported} refuses a schema with any other, so a rule
 * added to the spec can never go unenforced in silence. Thread-safe.
 */
final class SchemaValidator {

  /** Keywords that are checked. */
  private static final Set<String> RULES =
      Set.of(
          "type",
          "nullable",
          "enum",
          "format",
          "minimum",
          "maximum",
          "exclusiveMinimum",
          "exclusiveMaximum",
          "minLength",
          "maxLength",
          "minItems",
          "maxItems",
          "items",
          "properties",
          "required",
          "additionalProperties",
          "allOf",
          "anyOf",
          "$ref");

  /** Keywords that only describe. */
  private static final Set<String> ANNOTATIONS =
      Set.of("description", "example", "examples", "default", "title", "deprecated");

  private static final Set<String> FORMATS = Set.of("int32", "int64", "double", "float", "uuid");
  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final BigDecimal INT32_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
  private static final BigDecimal INT32_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
  private static final BigDecimal INT64_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal INT64_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  private final SpecDocument spec;

  SchemaValidator(SpecDocument spec) {
    this.spec = spec;
  }

  /**
   * Fails, naming the keyword and where it is, if the schema or any schema it reaches uses a
   * keyword or format this validator does not enforce.
   */
  void requireSupported(JsonNode schema, String where) {
    requireSupported(schema, where, new IdentityHashMap<>());
  }

  private void requireSupported(JsonNode schema, String where, Map<JsonNode, Boolean> seen) {
    JsonNode resolved = spec.resolve(schema);
    if (seen.put(resolved, Boolean.TRUE) != null) {
      return;
    }
    for (Iterator<String> names = resolved.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!RULES.contains(name) && !ANNOTATIONS.contains(name) && !name.startsWith("x-")) {
        throw new IllegalStateException(
            "openapi.yaml: "
                + where
                + " uses `"
                + name
                + "`, which the server runtime does not enforce; teach SchemaValidator the rule");
      }
    }
    if (resolved.has("format") && !resolved.get("format").asText().equals("date-time")) {
      String format = resolved.get("format").asText();
      if (!FORMATS.contains(format)) {
        throw new IllegalStateException(
            "openapi.yaml: " + where + " has format `" + format + "`, which is not enforced");
      }
    }
    resolved
        .path("properties")
        .fields()
        .forEachRemaining(p -> requireSupported(p.getValue(), where + "." + p.getKey(), seen));
    if (resolved.has("items")) {
      requireSupported(resolved.get("items"), where + "[]", seen);
    }
    if (resolved.path("additionalProperties").isObject()) {
      requireSupported(resolved.get("additionalProperties"), where + ".*", seen);
    }
    for (String combinator : List.of("allOf", "anyOf")) {
      for (JsonNode part : resolved.path(combinator)) {
        requireSupported(part, where, seen);
      }
    }
  }

  /** Adds one error per problem of {@code value} to {@code errors}; none when it is valid. */
  void validate(JsonNode value, JsonNode schema, List<Object> loc, List<ValidationError> errors) {
    JsonNode rules = spec.resolve(schema);
    if (value.isNull() && (spec.isNullable(rules) || enumAllowsNull(rules))) {
      return;
    }
    for (JsonNode part : rules.path("allOf")) {
      validate(value, part, loc, errors);
    }
    if (rules.has("anyOf")) {
      anyOf(value, rules.get("anyOf"), loc, errors);
    }
    String type = rules.path("type").asText("");
    if (!type.isEmpty() && !hasType(value, type)) {
      errors.add(typeError(value, type, rules, loc));
      return;
    }
    if (rules.has("enum") && !contains(rules.get("enum"), value)) {
      errors.add(error(loc, "Input should be one of " + allowed(rules.get("enum")), "enum"));
      return;
    }
    switch (type) {
      case "integer", "number" -> bounds(value.decimalValue(), rules, loc, errors);
      case "string" -> string(value.asText(), rules, loc, errors);
      case "array" -> array(value, rules, loc, errors);
      case "object" -> object(value, rules, loc, errors);
      default -> {}
    }
  }

  private void anyOf(JsonNode value, JsonNode parts, List<Object> loc, List<ValidationError> out) {
    for (JsonNode part : parts) {
      List<ValidationError> attempt = new ArrayList<>();
      validate(value, part, loc, attempt);
      if (attempt.isEmpty()) {
        return;
      }
    }
    out.add(error(loc, "Input should match one of the allowed types", "union_tag_invalid"));
  }

  private static boolean hasType(JsonNode value, String type) {
    return switch (type) {
      case "string" -> value.isTextual();
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      case "array" -> value.isArray();
      case "object" -> value.isObject();
      default -> throw new IllegalStateException("openapi.yaml: unknown type `" + type + "`");
    };
  }

  private static ValidationError typeError(
      JsonNode value, String type, JsonNode rules, List<Object> loc) {
    if (rules.has("enum") && !type.equals("string")) {
      return error(loc, "Input should be one of " + allowed(rules.get("enum")), "enum");
    }
    return switch (type) {
      case "string" ->
          rules.has("enum")
              ? error(loc, "Input should be one of " + allowed(rules.get("enum")), "enum")
              : error(loc, "Input should be a valid string", "string_type");
      case "integer" ->
          value.isNumber()
              ? error(
                  loc,
                  "Input should be a valid integer, got a number with a fractional part",
                  "int_from_float")
              : error(loc, "Input should be a valid integer", "int_type");
      case "number" -> error(loc, "Input should be a valid number", "float_type");
      case "boolean" -> error(loc, "Input should be a valid boolean", "bool_type");
      case "array" -> error(loc, "Input should be a valid list", "list_type");
      default -> error(loc, "Input should be a valid object", "model_type");
    };
  }

  private static void bounds(
      BigDecimal number, JsonNode rules, List<Object> loc, List<ValidationError> errors) {
    String format = rules.path("format").asText("");
    BigDecimal min = rules.has("minimum") ? rules.get("minimum").decimalValue() : null;
    BigDecimal max = rules.has("maximum") ? rules.get("maximum").decimalValue() : null;
    if (format.equals("int32")) {
      min = min == null ? INT32_MIN : min.max(INT32_MIN);
      max = max == null ? INT32_MAX : max.min(INT32_MAX);
    } else if (format.equals("int64")) {
      min = min == null ? INT64_MIN : min.max(INT64_MIN);
      max = max == null ? INT64_MAX : max.min(INT64_MAX);
    }
    boolean exclusiveMin = rules.path("exclusiveMinimum").asBoolean(false);
    boolean exclusiveMax = rules.path("exclusiveMaximum").asBoolean(false);
    if (min != null && (exclusiveMin ? number.compareTo(min) <= 0 : number.compareTo(min) < 0)) {
      errors.add(
          exclusiveMin
              ? error(loc, "Input should be greater than " + plain(min), "greater_than")
              : error(
                  loc,
                  "Input should be greater than or equal to " + plain(min),
                  "greater_than_equal"));
    } else if (max != null
        && (exclusiveMax ? number.compareTo(max) >= 0 : number.compareTo(max) > 0)) {
      errors.add(
          exclusiveMax
              ? error(loc, "Input should be less than " + plain(max), "less_than")
              : error(
                  loc, "Input should be less than or equal to " + plain(max), "less_than_equal"));
    }
  }

  private static void string(
      String text, JsonNode rules, List<Object> loc, List<ValidationError> errors) {
    int length = text.codePointCount(0, text.length());
    if (rules.has("minLength") && length < rules.get("minLength").asInt()) {
      int min = rules.get("minLength").asInt();
      errors.add(
          error(
              loc,
              "String should have at least " + min + " character" + (min == 1 ? "" : "s"),
              "string_too_short"));
      return;
    }
    if (rules.has("maxLength") && length > rules.get("maxLength").asInt()) {
      int max = rules.get("maxLength").asInt();
      errors.add(
          error(
              loc,
              "String should have at most " + max + " character" + (max == 1 ? "" : "s"),
              "string_too_long"));
      return;
    }
    switch (rules.path("format").asText("")) {
      case "uuid" -> {
        if (!UUID.matcher(text).matches()) {
          errors.add(error(loc, "Input should be a valid UUID", "uuid_parsing"));
        }
      }
      case "date-time" -> {
        try {
          OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
          errors.add(error(loc, "Input should be a valid datetime", "datetime_parsing"));
        }
      }
      default -> {}
    }
  }

  private void array(JsonNode array, JsonNode rules, List<Object> loc, List<ValidationError> out) {
    if (rules.has("minItems") && array.size() < rules.get("minItems").asInt()) {
      out.add(
          error(
              loc,
              "List should have at least " + rules.get("minItems").asInt() + " items",
              "too_short"));
    }
    if (rules.has("maxItems") && array.size() > rules.get("maxItems").asInt()) {
      out.add(
          error(
              loc,
              "List should have at most " + rules.get("maxItems").asInt() + " items",
              "too_long"));
    }
    if (rules.has("items")) {
      for (int i = 0; i < array.size(); i++) {
        validate(array.get(i), rules.get("items"), append(loc, i), out);
      }
    }
  }

  private void object(
      JsonNode object, JsonNode rules, List<Object> loc, List<ValidationError> out) {
    Set<String> required =
        StreamSupport.stream(rules.path("required").spliterator(), false)
            .map(JsonNode::asText)
            .collect(Collectors.toSet());
    JsonNode properties = rules.path("properties");
    // In the schema's order, so that the errors of a body come in a stable, documented order.
    properties
        .fields()
        .forEachRemaining(
            property -> {
              JsonNode value = object.get(property.getKey());
              if (value == null) {
                if (required.contains(property.getKey())) {
                  out.add(error(append(loc, property.getKey()), "Field required", "missing"));
                }
              } else {
                validate(value, property.getValue(), append(loc, property.getKey()), out);
              }
            });
    for (JsonNode name : rules.path("required")) {
      if (!properties.has(name.asText()) && !object.has(name.asText())) {
        out.add(error(append(loc, name.asText()), "Field required", "missing"));
      }
    }
    JsonNode additional = rules.path("additionalProperties");
    object
        .fields()
        .forEachRemaining(
            field -> {
              if (properties.has(field.getKey())) {
                return;
              }
              if (additional.isBoolean() && !additional.asBoolean()) {
                out.add(
                    error(
                        append(loc, field.getKey()),
                        "Extra inputs are not permitted",
                        "extra_forbidden"));
              } else if (additional.isObject()) {
                validate(field.getValue(), additional, append(loc, field.getKey()), out);
              }
            });
  }

  private static boolean enumAllowsNull(JsonNode rules) {
    return rules.has("enum")
        && contains(rules.get("enum"), com.fasterxml.jackson.databind.node.NullNode.getInstance());
  }

  private static boolean contains(JsonNode values, JsonNode value) {
    for (JsonNode allowed : values) {
      if (allowed.equals(value)) {
        return true;
      }
    }
    return false;
  }

  /** {@code 'small', 'medium'}: the enum's values without {@code null}. */
  static String allowed(JsonNode values) {
    List<String> names = new ArrayList<>();
    for (JsonNode value : values) {
      if (!value.isNull()) {
        names.add("'" + value.asText() + "'");
      }
    }
    return String.join(", ", names);
  }

  private static String plain(BigDecimal number) {
    return number.stripTrailingZeros().toPlainString();
  }

  static List<Object> append(List<Object> loc, Object step) {
    List<Object> longer = new ArrayList<>(loc.size() + 1);
    longer.addAll(loc);
    longer.add(step);
    return List.copyOf(longer);
  }

  static ValidationError error(List<Object> loc, String msg, String type) {
    return new ValidationError(List.copyOf(loc), msg, type);
  }
}
