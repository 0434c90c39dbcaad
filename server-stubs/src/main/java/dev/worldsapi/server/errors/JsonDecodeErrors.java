package dev.worldsapi.server.errors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.worldsapi.server.json.JsonLimits;
import dev.worldsapi.server.model.ValidationError;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code json_invalid} error of a body that is not JSON: {@code loc} is {@code ["body", n]}
 * with {@code n} the 0-based character offset of the problem (FastAPI's convention), and {@code
 * msg} says what is wrong in words of its own, never the parser's internals.
 */
public final class JsonDecodeErrors {

  private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");

  private JsonDecodeErrors() {}

  /** For a parser failure; {@code body} is the text parsed, when it is known. */
  public static ValidationError of(JsonProcessingException exception, String body) {
    JsonLocation where = exception.getLocation();
    if (exception instanceof StreamConstraintsException limit) {
      long at = where == null ? 0 : Math.max(where.getCharOffset(), 0);
      return error(at, JsonLimits.describe(limit));
    }
    long offset = where == null ? -1 : where.getCharOffset();
    if (offset < 0 && where != null) {
      offset = where.getByteOffset();
    }
    if (exception instanceof JsonEOFException) {
      offset = body == null ? Math.max(offset, 0) : body.length();
    }
    offset = Math.max(offset, 0);
    String position =
        where == null || where.getLineNr() < 1
            ? ""
            : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
    return error(offset, reason(exception, body, offset) + position);
  }

  /** For a JSON value followed by more than white space. */
  public static ValidationError trailingContent(long offset) {
    return error(offset, "unexpected content after the JSON value");
  }

  /** For a body that is not UTF-8. */
  public static ValidationError notUtf8() {
    return error(0, "the body is not UTF-8 text");
  }

  private static String reason(JsonProcessingException exception, String body, long offset) {
    if (exception instanceof JsonEOFException) {
      return "the body ends before its JSON value does";
    }
    String original = exception.getOriginalMessage() == null ? "" : exception.getOriginalMessage();
    Matcher duplicate = DUPLICATE.matcher(original);
    if (duplicate.find()) {
      return "duplicate field '" + duplicate.group(1) + "'";
    }
    if (body != null && offset < body.length()) {
      int codePoint = body.codePointAt((int) offset);
      return Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)
          ? "unexpected character U+" + String.format("%04X", codePoint)
          : "unexpected character '" + new String(Character.toChars(codePoint)) + "'";
    }
    return "not a valid JSON value";
  }

  private static ValidationError error(long offset, String reason) {
    return new ValidationError(
        List.of("body", (int) Math.min(offset, Integer.MAX_VALUE)),
        "JSON decode error: " + reason,
        "json_invalid");
  }
}
