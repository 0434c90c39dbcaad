package dev.worldsapi.client.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.worldsapi.client.errors.DecodeProblem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One pass over one JSON value with a parser: where it is (a path of names and indexes, kept as a
 * stack so that a valid body builds no path text), and what it found wrong so far. Reading goes on
 * after a problem, so that one pass finds them all. Not thread-safe; one per body.
 */
public final class Decoding {

  private final JsonParser parser;
  private final ArrayList<Object> path = new ArrayList<>();
  private final List<DecodeProblem> problems = new ArrayList<>();

  private Decoding(JsonParser parser) {
    this.parser = parser;
  }

  /**
   * Reads the value the parser is on as {@code schema}, or fails with every problem found.
   *
   * @throws InvalidJsonException when the value is not of the schema
   */
  public static <T> T read(JsonParser parser, JsonReader<T> reader, String schema)
      throws IOException {
    Decoding in = new Decoding(parser);
    T value = parser.currentToken() == JsonToken.VALUE_NULL ? null : reader.read(in);
    if (value == null && in.problems.isEmpty()) {
      in.problem("must be " + article(schema) + ", got null");
    }
    if (!in.problems.isEmpty()) {
      throw new InvalidJsonException(parser, schema, in.problems);
    }
    return value;
  }

  public JsonParser parser() {
    return parser;
  }

  /** How many problems were found so far: a reader compares it before and after a value. */
  public int problems() {
    return problems.size();
  }

  /**
   * The value of the field {@code name}, the parser on its first token. A JSON {@code null} is
   * answered as {@code null}, and is a problem unless {@code nullable}.
   */
  public <T> @Nullable T field(String name, JsonReader<T> reader, boolean nullable)
      throws IOException {
    return at(name, reader, nullable);
  }

  /** The element at {@code index} of an array, the parser on its first token. */
  public <T> @Nullable T element(int index, JsonReader<T> reader, boolean nullable)
      throws IOException {
    return at(index, reader, nullable);
  }

  /** The value at one more step of the path, a name or an index. */
  private <T> @Nullable T at(Object step, JsonReader<T> reader, boolean nullable)
      throws IOException {
    path.add(step);
    try {
      return value(reader, nullable);
    } finally {
      path.remove(path.size() - 1);
    }
  }

  private <T> @Nullable T value(JsonReader<T> reader, boolean nullable) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      if (!nullable) {
        problem("must not be null");
      }
      return null;
    }
    return reader.read(this);
  }

  /** A required field the object does not have. */
  public void missing(String name) {
    path.add(name);
    problem("is missing");
    path.remove(path.size() - 1);
  }

  /**
   * The value the parser is on is not of the expected JSON type: records it, skips the value, and
   * answers {@code null} for the reader to return.
   *
   * @param expected what was expected, e.g. {@code "a string"}
   */
  public <T> @Nullable T mistyped(String expected) throws IOException {
    problem("must be " + expected + ", got " + found());
    parser.skipChildren();
    return null;
  }

  /** A value of the right JSON type that the schema still refuses, e.g. not a date-time. */
  public <T> @Nullable T invalid(String what) {
    problem(what);
    return null;
  }

  /** Whether the parser is on the start of an object; records a problem and skips if not. */
  public boolean startObject() throws IOException {
    if (parser.currentToken() == JsonToken.START_OBJECT) {
      return true;
    }
    mistyped("an object");
    return false;
  }

  private void problem(String problem) {
    problems.add(new DecodeProblem(pathText(), problem));
  }

  private String pathText() {
    StringBuilder text = new StringBuilder("$");
    for (Object step : path) {
      if (step instanceof Integer index) {
        text.append('[').append(index).append(']');
      } else if (isIdentifier((String) step)) {
        text.append('.').append(step);
      } else {
        text.append("['").append(((String) step).replace("'", "\\'")).append("']");
      }
    }
    return text.toString();
  }

  private static boolean isIdentifier(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
      if (!letter && !(i > 0 && c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }

  /** The value the parser is on, as a problem names it: its JSON type and a short excerpt. */
  private String found() throws IOException {
    JsonToken token = parser.currentToken();
    if (token == null) {
      return "nothing";
    }
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "string " + excerpt(parser.getText());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number " + shortened(parser.getText());
      case VALUE_TRUE -> "true";
      case VALUE_FALSE -> "false";
      case VALUE_NULL -> "null";
      default -> token.asString() == null ? token.name() : token.asString();
    };
  }

  /** A string value quoted, cut at 40 characters: problems must not carry whole payloads. */
  static String excerpt(String text) {
    return '"' + shortened(text).replace("\"", "\\\"") + '"';
  }

  private static String shortened(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }

  private static String article(String schema) {
    return (schema.isEmpty() || "AEIOUaeiou".indexOf(schema.charAt(0)) < 0 ? "a " : "an ") + schema;
  }
}
