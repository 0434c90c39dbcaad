package dev.worldsapi.server.errors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.worldsapi.server.model.ValidationError;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A request body that is not JSON, or JSON of the wrong shape: 422 with {@code loc} into the body
 * ({@code ["body", "domains", 0]}), as for any other validation error.
 */
@Provider
public final class JsonBodyExceptionMapper implements ExceptionMapper<JsonProcessingException> {

  private static final Pattern MISSING_CREATOR_PROPERTY =
      Pattern.compile("Missing required creator property '([^']+)'");

  @Override
  public Response toResponse(JsonProcessingException exception) {
    return ErrorResponses.envelope(
        422, ErrorTypes.of(422), "Validation error", List.of(error(exception)), Map.of());
  }

  private static ValidationError error(JsonProcessingException exception) {
    if (exception instanceof JsonParseException parse) {
      return JsonDecodeErrors.of(parse, null);
    }
    List<Object> loc = new ArrayList<>();
    loc.add("body");
    if (exception instanceof JsonMappingException mapping) {
      for (JsonMappingException.Reference reference : mapping.getPath()) {
        loc.add(reference.getFieldName() != null ? reference.getFieldName() : reference.getIndex());
      }
    }
    Matcher missing = MISSING_CREATOR_PROPERTY.matcher(exception.getOriginalMessage());
    if (missing.find()) {
      if (loc.size() == 1 || !missing.group(1).equals(loc.get(loc.size() - 1))) {
        loc.add(missing.group(1));
      }
      return new ValidationError(loc, "Field required", "missing");
    }
    if (exception instanceof UnrecognizedPropertyException) {
      return new ValidationError(loc, "Extra inputs are not permitted", "extra_forbidden");
    }
    Class<?> target =
        exception instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
    if (exception instanceof ValueInstantiationException instantiation && target == null) {
      target = instantiation.getType() == null ? null : instantiation.getType().getRawClass();
    }
    if (exception instanceof InvalidFormatException
        || exception instanceof MismatchedInputException
        || exception instanceof ValueInstantiationException) {
      return typeError(loc, target);
    }
    return new ValidationError(loc, "Invalid input", "value_error");
  }

  private static ValidationError typeError(List<Object> loc, Class<?> target) {
    if (target == null) {
      return new ValidationError(loc, "Invalid input", "value_error");
    }
    if (target.isEnum()) {
      String values =
          Stream.of(target.getEnumConstants())
              .map(String::valueOf)
              .map(v -> "'" + v + "'")
              .collect(Collectors.joining(", "));
      return new ValidationError(loc, "Input should be one of " + values, "enum");
    }
    if (target == String.class) {
      return new ValidationError(loc, "Input should be a valid string", "string_type");
    }
    if (target == Integer.class
        || target == int.class
        || target == Long.class
        || target == long.class
        || target == BigInteger.class) {
      return new ValidationError(loc, "Input should be a valid integer", "int_type");
    }
    if (target == Double.class
        || target == double.class
        || target == Float.class
        || target == BigDecimal.class) {
      return new ValidationError(loc, "Input should be a valid number", "float_type");
    }
    if (target == Boolean.class || target == boolean.class) {
      return new ValidationError(loc, "Input should be a valid boolean", "bool_type");
    }
    if (target == UUID.class) {
      return new ValidationError(loc, "Input should be a valid UUID", "uuid_parsing");
    }
    if (Temporal.class.isAssignableFrom(target)) {
      return new ValidationError(loc, "Input should be a valid datetime", "datetime_parsing");
    }
    if (List.class.isAssignableFrom(target)) {
      return new ValidationError(loc, "Input should be a valid list", "list_type");
    }
    return new ValidationError(loc, "Input should be a valid object", "model_type");
  }
}
