package dev.worldsapi.server.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.worldsapi.server.model.ValidationError;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the text of a path or query parameter as the JSON value its schema describes, exactly: an
 * integer is ASCII digits with an optional leading {@code -} and nothing else (no {@code +}, no
 * spaces, no other script's digits), a boolean is {@code true} or {@code false}. A value that does
 * not read is one problem, worded as the Worlds API words it ({@code int_parsing}).
 */
final class ParameterValues {

  private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

  private ParameterValues() {}

  /** The value as JSON, or the problem; {@code schema} is resolved. */
  static Optional<JsonNode> read(
      String text, JsonNode schema, List<Object> loc, List<ValidationError> errors) {
    switch (schema.path("type").asText("string")) {
      case "integer" -> {
        if (!INTEGER.matcher(text).matches()) {
          errors.add(
              SchemaValidator.error(
                  loc,
                  "Input should be a valid integer, unable to parse string as an integer",
                  "int_parsing"));
          return Optional.empty();
        }
        return Optional.of(JsonNodeFactory.instance.numberNode(new BigInteger(text)));
      }
      case "number" -> {
        if (!NUMBER.matcher(text).matches()) {
          errors.add(
              SchemaValidator.error(
                  loc,
                  "Input should be a valid number, unable to parse string as a number",
                  "float_parsing"));
          return Optional.empty();
        }
        return Optional.of(DecimalNode.valueOf(new BigDecimal(text)));
      }
      case "boolean" -> {
        if (!text.equals("true") && !text.equals("false")) {
          errors.add(
              SchemaValidator.error(
                  loc,
                  "Input should be a valid boolean, unable to interpret input",
                  "bool_parsing"));
          return Optional.empty();
        }
        return Optional.of(BooleanNode.valueOf(text.equals("true")));
      }
      default -> {
        return Optional.of(TextNode.valueOf(text));
      }
    }
  }
}
