package dev.worldsapi.client.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.worldsapi.spec.PackagedSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The spec's schemas, read as JSON, and values made from them: a valid object of each schema, and
 * for each field a value of the wrong JSON type. What the model tests derive their cases from, so
 * that a field added to the spec is a case without a line here.
 */
final class SpecSchemas {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final JsonNode SPEC = load();

  private SpecSchemas() {}

  /** One field of an object schema, as the spec declares it. */
  record Field(String schema, String name, JsonNode declaration, boolean required) {

    boolean nullable() {
      return SpecSchemas.nullable(declaration);
    }

    /** The Java accessor's name: the spec's snake_case name in camelCase. */
    String accessor() {
      StringBuilder java = new StringBuilder();
      boolean upper = false;
      for (char c : name.toCharArray()) {
        if (c == '_') {
          upper = true;
        } else {
          java.append(upper ? Character.toUpperCase(c) : c);
          upper = false;
        }
      }
      return java.toString();
    }

    @Override
    public String toString() {
      return schema + "." + name;
    }
  }

  /** The names of the schemas the client has a model class for: the objects with properties. */
  static List<String> objectSchemas() {
    List<String> names = new ArrayList<>();
    SPEC.at("/components/schemas")
        .properties()
        .forEach(
            entry -> {
              if (entry.getValue().has("properties")) {
                names.add(entry.getKey());
              }
            });
    return names;
  }

  static List<Field> fields(String schema) {
    JsonNode declaration = schema(schema);
    List<String> required = new ArrayList<>();
    declaration.path("required").forEach(name -> required.add(name.asText()));
    List<Field> fields = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it =
            declaration.get("properties").properties().iterator();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> property = it.next();
      fields.add(
          new Field(
              schema,
              property.getKey(),
              property.getValue(),
              required.contains(property.getKey())));
    }
    return fields;
  }

  static JsonNode schema(String name) {
    JsonNode schema = SPEC.at("/components/schemas/" + name);
    if (schema.isMissingNode()) {
      throw new IllegalArgumentException("the spec has no schema " + name);
    }
    return schema;
  }

  /** An object of the schema with every field set to a valid value. */
  static ObjectNode validObject(String schema) {
    ObjectNode object = JSON.objectNode();
    for (Field field : fields(schema)) {
      object.set(field.name(), valid(field.declaration()));
    }
    return object;
  }

  /** A value the declaration allows: an enum's first value, a bound, a format's example. */
  static JsonNode valid(JsonNode declaration) {
    JsonNode target = resolve(declaration);
    if (target != declaration) {
      return valid(target);
    }
    if (declaration.has("properties")) {
      ObjectNode object = JSON.objectNode();
      fields(nameOf(declaration)).forEach(f -> object.set(f.name(), valid(f.declaration())));
      return object;
    }
    if (declaration.has("anyOf")) {
      return valid(declaration.get("anyOf").get(0));
    }
    if (declaration.has("enum")) {
      for (JsonNode value : declaration.get("enum")) {
        if (!value.isNull()) {
          return value;
        }
      }
    }
    String format = declaration.path("format").asText("");
    return switch (declaration.path("type").asText("")) {
      case "string" ->
          switch (format) {
            case "date-time" -> TextNode.valueOf("2026-01-05T10:15:30Z");
            case "date" -> TextNode.valueOf("2026-01-05");
            case "uuid" -> TextNode.valueOf("3f1d2c4b-8e6a-4b1f-9d2e-5a7c8b9e0f12");
            default -> TextNode.valueOf("text");
          };
      case "integer" -> JSON.numberNode(declaration.path("minimum").asLong(1));
      case "number" ->
          JSON.numberNode(
              (declaration.path("minimum").asDouble(0) + declaration.path("maximum").asDouble(1))
                  / 2);
      case "boolean" -> JSON.booleanNode(true);
      case "array" -> JSON.arrayNode().add(valid(declaration.get("items")));
      case "object" -> JSON.objectNode().put("key", "value");
      default -> throw new IllegalArgumentException("no valid value for " + declaration);
    };
  }

  /** A value of a JSON type the declaration does not allow. */
  static JsonNode wrongType(JsonNode declaration) {
    JsonNode target = resolve(declaration);
    if (target != declaration) {
      return wrongType(target);
    }
    if (target.has("properties") || "object".equals(target.path("type").asText())) {
      return JSON.arrayNode().add(1);
    }
    if (target.has("anyOf")) {
      return JSON.booleanNode(true);
    }
    return switch (target.path("type").asText("")) {
      case "string" -> JSON.numberNode(5);
      case "integer", "number", "boolean" -> TextNode.valueOf("text");
      case "array" -> JSON.objectNode().put("key", "value");
      default -> throw new IllegalArgumentException("no wrong value for " + declaration);
    };
  }

  /** Nullable itself, through the one schema it wraps or refers to, or by a null enum value. */
  static boolean nullable(JsonNode declaration) {
    if (declaration.path("nullable").asBoolean(false)) {
      return true;
    }
    for (JsonNode value : declaration.path("enum")) {
      if (value.isNull()) {
        return true;
      }
    }
    JsonNode target = resolve(declaration);
    return target != declaration && nullable(target);
  }

  /** What a {@code $ref} or a one-schema {@code allOf} stands for; the declaration otherwise. */
  private static JsonNode resolve(JsonNode declaration) {
    if (declaration.has("$ref")) {
      return schema(declaration.get("$ref").asText().substring("#/components/schemas/".length()));
    }
    ArrayNode allOf = (ArrayNode) declaration.get("allOf");
    if (allOf != null && allOf.size() == 1) {
      return allOf.get(0);
    }
    return declaration;
  }

  private static String nameOf(JsonNode schema) {
    for (Iterator<Map.Entry<String, JsonNode>> it =
            SPEC.at("/components/schemas").properties().iterator();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (entry.getValue() == schema) {
        return entry.getKey();
      }
    }
    throw new IllegalArgumentException("not a named schema: " + schema);
  }

  private static JsonNode load() {
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(PackagedSpec.location());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
