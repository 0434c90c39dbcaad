package dev.worldsapi.codegen;

import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenProperty;
import org.openapitools.codegen.SpecValidationException;
import org.openapitools.codegen.model.ModelMap;
import org.openapitools.codegen.model.ModelsMap;
import org.openapitools.codegen.utils.ModelUtils;
import org.openapitools.codegen.utils.StringUtils;

/**
 * The client's models, one immutable class per object schema: final fields, a builder, accessors
 * whose types say what may be absent ({@code Optional}) and what may not, unknown fields kept, and
 * a reader that checks a body against the schema and names every field that differs. This class
 * decides, per field, its Java type, its accessor's type and the reader of its schema; {@code
 * worlds/model.mustache} writes the Java.
 */
public class ClientModelsCodegen extends WorldsCodegen {

  private static final Pattern QUALIFIED =
      Pattern.compile("\\b[a-z][a-z0-9_]*(?:\\.[a-z][a-z0-9_]*)*\\.[A-Z]\\w*");

  /** Classes of other packages the model being described names (see {@link #simpleNames}). */
  private final Set<String> otherPackages = new TreeSet<>();

  private static final Set<String> UNBOXED =
      Set.of("Integer", "Long", "Double", "Float", "Boolean");

  public ClientModelsCodegen() {
    modelTemplateFiles.put("model.mustache", ".java");
  }

  @Override
  public String getName() {
    return "worlds-client-models";
  }

  @Override
  public String getHelp() {
    return "The worlds-api client's immutable models, with readers that check the spec's schema.";
  }

  @Override
  public ModelsMap postProcessModels(ModelsMap objs) {
    ModelsMap processed = super.postProcessModels(objs);
    for (ModelMap entry : processed.getModels()) {
      describe(entry.getModel());
    }
    return processed;
  }

  /** Puts the facts of one model and its fields into its vendor extensions. */
  private void describe(CodegenModel model) {
    Schema<?> schema = ModelUtils.getSchema(openAPI, model.name);
    if (schema == null || model.isEnum || schema.getProperties() == null) {
      throw new SpecValidationException(
          "schema "
              + model.name
              + " is not an object with properties; enums are mapped to open enums "
              + "(schemaMappings in client/pom.xml), and other shapes have no client template yet");
    }
    List<Map<String, Object>> fields = new ArrayList<>();
    List<Map<String, Object>> enums = new ArrayList<>();
    for (CodegenProperty property : model.vars) {
      Schema<?> propertySchema = schema.getProperties().get(property.baseName);
      fields.add(field(model, property, propertySchema, enums));
    }
    model.vendorExtensions.put("x-worlds-fields", fields);
    model.vendorExtensions.put("x-worlds-imports", imports(fields));
    model.vendorExtensions.put("x-worlds-enums", enums);
    model.vendorExtensions.put("x-worlds-doc", javadoc(schema.getDescription()));
  }

  private Map<String, Object> field(
      CodegenModel model,
      CodegenProperty property,
      Schema<?> schema,
      List<Map<String, Object>> enums) {
    boolean required = property.required;
    boolean nullable = nullable(schema);
    String javaType = simpleNames(property.isEnum ? property.datatypeWithEnum : property.dataType);
    String reader = reader(model.name + "." + property.baseName, schema, property);
    if (property.isEnum) {
      enums.add(inlineEnum(property, schema));
    }
    boolean plain = required && !nullable;
    String accessorType = plain ? unboxed(javaType) : "Optional<" + javaType + ">";
    Map<String, Object> field = new LinkedHashMap<>();
    field.put("name", property.name);
    field.put("pascalName", StringUtils.camelize(property.name));
    field.put("constName", StringUtils.underscore(property.name).toUpperCase(Locale.ROOT));
    field.put("specName", property.baseName);
    field.put("javaType", javaType);
    field.put("accessorType", accessorType);
    field.put("reader", reader);
    field.put("required", required);
    field.put("nullable", nullable);
    field.put("plain", plain);
    field.put("optionalNullable", !required && nullable);
    // Whether the field is in every object (no check before writing or printing it), and else
    // the condition under which it is.
    field.put("alwaysPresent", required);
    field.put(
        "presence",
        !required && nullable
            ? "has" + StringUtils.camelize(property.name)
            : property.name + " != null");
    field.put(
        "copy",
        property.isArray
            ? "Json.list(\"" + property.name + "\", " + property.name + ")"
            : property.isMap
                ? "Json.map(\""
                    + property.name
                    + "\", "
                    + property.name
                    + ", "
                    + mapNullValues(schema)
                    + ")"
                : property.name);
    field.put("doc", javadoc(schema.getDescription()));
    field.put(
        "defaultValue", schema.getDefault() == null ? "" : String.valueOf(schema.getDefault()));
    return field;
  }

  /**
   * A type with each qualified class name made simple, {@code dev.worldsapi.client.model.JobKind}
   * to {@code JobKind}: an annotation may stand before it ({@code @Nullable JobKind}), which it may
   * not before a qualified name. Classes of other packages are imported ({@link #imports}).
   */
  private String simpleNames(String type) {
    Matcher qualified = QUALIFIED.matcher(type);
    StringBuilder simple = new StringBuilder();
    while (qualified.find()) {
      String name = qualified.group();
      if (!name.startsWith(modelPackage() + ".")) {
        otherPackages.add(name);
      }
      qualified.appendReplacement(simple, name.substring(name.lastIndexOf('.') + 1));
    }
    return qualified.appendTail(simple).toString();
  }

  /** The imports the fields' Java types need, beyond what every model imports. */
  private List<String> imports(List<Map<String, Object>> fields) {
    Map<String, String> known =
        Map.of(
            "List", "java.util.List",
            "UUID", "java.util.UUID",
            "OffsetDateTime", "java.time.OffsetDateTime",
            "LocalDate", "java.time.LocalDate",
            "BigDecimal", "java.math.BigDecimal");
    Set<String> imports = new TreeSet<>(otherPackages);
    otherPackages.clear();
    for (Map<String, Object> field : fields) {
      for (String word : String.valueOf(field.get("javaType")).split("[^A-Za-z0-9_]+")) {
        if (known.containsKey(word)) {
          imports.add(known.get(word));
        }
      }
    }
    return new ArrayList<>(imports);
  }

  /** Nullable by itself, through the one schema it wraps or refers to, or by a null enum value. */
  private boolean nullable(Schema<?> schema) {
    if (Boolean.TRUE.equals(schema.getNullable())
        || (schema.getEnum() != null && schema.getEnum().contains(null))) {
      return true;
    }
    if (schema.get$ref() != null) {
      return nullable(ModelUtils.getReferencedSchema(openAPI, schema));
    }
    if (schema.getAllOf() != null && schema.getAllOf().size() == 1) {
      return nullable(schema.getAllOf().get(0));
    }
    return false;
  }

  /** The Java expression of the reader of a schema, built from {@code Json}'s readers. */
  private String reader(String where, Schema<?> schema, CodegenProperty property) {
    if (schema.get$ref() != null) {
      String name = ModelUtils.getSimpleRef(schema.get$ref());
      String mapped = schemaMapping().get(name);
      Schema<?> target = ModelUtils.getReferencedSchema(openAPI, schema);
      if (mapped != null && "Object".equals(mapped)) {
        return reader(where, target, property);
      }
      if (target.getEnum() != null) {
        if (mapped == null) {
          throw new SpecValidationException(
              where
                  + " refers to the enum schema "
                  + name
                  + ": map it to an open enum class (schemaMappings in client/pom.xml)");
        }
        return "Json.open(" + simpleNames(mapped) + "::of)";
      }
      if (mapped != null) {
        throw new SpecValidationException(
            where + ": schema " + name + " is mapped to " + mapped + ", which has no reader");
      }
      return toModelName(name) + "::read";
    }
    if (schema.getAllOf() != null && schema.getAllOf().size() == 1) {
      return reader(where, schema.getAllOf().get(0), property);
    }
    List<Schema> choices = schema.getAnyOf() != null ? schema.getAnyOf() : schema.getOneOf();
    if (choices != null) {
      List<String> readers = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (Schema<?> choice : choices) {
        readers.add(reader(where, choice, property));
        names.add(article(String.valueOf(choice.getType())));
      }
      return "Json.anyOf(\""
          + String.join(" or ", names)
          + "\", "
          + String.join(", ", readers)
          + ")";
    }
    String type = ModelUtils.getType(schema);
    String format = schema.getFormat();
    switch (type == null ? "" : type) {
      case "string":
        if (schema.getEnum() != null) {
          return "Json.oneOf("
              + property.datatypeWithEnum
              + ".values(), "
              + property.datatypeWithEnum
              + "::value)";
        }
        if ("date-time".equals(format)) {
          return "Json.DATE_TIME";
        }
        if ("date".equals(format)) {
          return "Json.DATE";
        }
        if ("uuid".equals(format)) {
          return "Json.UUID_VALUE";
        }
        return "Json.STRING";
      case "integer":
        return "int64".equals(format) ? "Json.INT64" : "Json.INT32";
      case "number":
        return "float".equals(format)
            ? "Json.FLOAT"
            : "double".equals(format) ? "Json.DOUBLE" : "Json.DECIMAL";
      case "boolean":
        return "Json.BOOLEAN";
      case "array":
        return "Json.listOf(" + reader(where + "[]", schema.getItems(), property.items) + ")";
      case "object":
        if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
          throw new SpecValidationException(
              where + ": an inline object with properties; make it a schema of its own");
        }
        Object values = schema.getAdditionalProperties();
        String valueReader =
            values instanceof Schema<?> valueSchema
                ? reader(where + "{}", valueSchema, property.items)
                : "Json.ANY";
        return "Json.mapOf(" + valueReader + ", " + mapNullValues(schema) + ")";
      default:
        throw new SpecValidationException(where + ": a schema without a type the client can read");
    }
  }

  /** Whether a map's values may be null: any JSON value may, a typed value when nullable. */
  private boolean mapNullValues(Schema<?> schema) {
    Object values = schema.getAdditionalProperties();
    return !(values instanceof Schema<?> valueSchema) || nullable(valueSchema);
  }

  /** A closed enum declared inside a field: its constants as the Java generators name them. */
  private Map<String, Object> inlineEnum(CodegenProperty property, Schema<?> schema) {
    List<Map<String, String>> constants = new ArrayList<>();
    for (Object value : schema.getEnum()) {
      if (value == null) {
        continue;
      }
      String text = String.valueOf(value);
      constants.add(
          Map.of(
              "constant", toEnumVarName(text, "String"),
              "value", text.replace("\\", "\\\\").replace("\"", "\\\"")));
    }
    Map<String, Object> inline = new LinkedHashMap<>();
    inline.put("name", property.datatypeWithEnum);
    inline.put("specName", property.baseName);
    inline.put("constants", constants);
    return inline;
  }

  private static String unboxed(String javaType) {
    return UNBOXED.contains(javaType)
        ? javaType.equals("Integer") ? "int" : javaType.toLowerCase(Locale.ROOT)
        : javaType;
  }

  private static String article(String type) {
    return ("integer".equals(type) || "object".equals(type) || "array".equals(type) ? "an " : "a ")
        + type;
  }

  /** A spec description as Javadoc text: HTML escaped, Markdown code as {@code ...}. */
  static String javadoc(String description) {
    if (description == null || description.isBlank()) {
      return "";
    }
    String text =
        description
            .strip()
            .replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace("*/", "*&#47;")
            .replace("@", "&#64;");
    return text.replaceAll("`([^`]*)`", "{@code $1}");
  }
}
