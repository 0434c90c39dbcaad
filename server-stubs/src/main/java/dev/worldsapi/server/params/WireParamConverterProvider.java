package dev.worldsapi.server.params;

import dev.worldsapi.server.errors.WorldsApiException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Converts query and path parameters itself, so that a value that does not parse ({@code page=abc},
 * {@code status=paused}, a malformed uuid) is a 422 naming the parameter, {@code ["query",
 * "page"]}, instead of the 404 that JAX-RS prescribes for a failed conversion. Handles integers,
 * uuids, booleans and the generated enums (by their {@code fromValue}).
 */
@Provider
public final class WireParamConverterProvider implements ParamConverterProvider {

  @Override
  @SuppressWarnings("unchecked")
  public <T> ParamConverter<T> getConverter(
      Class<T> rawType, Type genericType, Annotation[] annotations) {
    List<Object> where = where(annotations);
    if (where == null) {
      return null;
    }
    if (rawType == Integer.class || rawType == int.class) {
      return (ParamConverter<T>)
          converter(
              where,
              value -> Integer.valueOf(asciiInteger(value)),
              "Input should be a valid integer, unable to parse string as an integer",
              "int_parsing");
    }
    if (rawType == Long.class || rawType == long.class) {
      return (ParamConverter<T>)
          converter(
              where,
              value -> Long.valueOf(asciiInteger(value)),
              "Input should be a valid integer, unable to parse string as an integer",
              "int_parsing");
    }
    if (rawType == UUID.class) {
      return (ParamConverter<T>)
          converter(
              where,
              WireParamConverterProvider::uuid,
              "Input should be a valid UUID",
              "uuid_parsing");
    }
    if (rawType == Boolean.class || rawType == boolean.class) {
      return (ParamConverter<T>)
          converter(
              where,
              WireParamConverterProvider::bool,
              "Input should be a valid boolean",
              "bool_parsing");
    }
    if (rawType.isEnum()) {
      Method fromValue = fromValue(rawType);
      if (fromValue != null) {
        String allowed =
            Stream.of(rawType.getEnumConstants())
                .map(String::valueOf)
                .map(v -> "'" + v + "'")
                .collect(Collectors.joining(", "));
        return converter(
            where,
            value -> rawType.cast(invoke(fromValue, value)),
            "Input should be one of " + allowed,
            "enum");
      }
    }
    return null;
  }

  private static <T> ParamConverter<T> converter(
      List<Object> where, Function<String, T> parse, String msg, String type) {
    return new ParamConverter<>() {
      @Override
      public T fromString(String value) {
        if (value == null) {
          return null;
        }
        T parsed;
        try {
          parsed = parse.apply(value);
        } catch (RuntimeException unparseable) {
          throw WorldsApiException.validation(where, msg, type);
        }
        if (parsed == null) {
          // Generated enums of nullable properties answer an unknown value with null.
          throw WorldsApiException.validation(where, msg, type);
        }
        return parsed;
      }

      @Override
      public String toString(T value) {
        return String.valueOf(value);
      }
    };
  }

  private static List<Object> where(Annotation[] annotations) {
    for (Annotation annotation : annotations) {
      if (annotation instanceof QueryParam query) {
        return List.of("query", query.value());
      }
      if (annotation instanceof PathParam path) {
        return List.of("path", path.value());
      }
    }
    return null;
  }

  /**
   * The value if it is ASCII digits with an optional leading {@code -}: {@link Integer#valueOf}
   * also reads {@code +1} and other scripts' digits ({@code ２}, {@code ١}), which the spec does
   * not.
   */
  private static String asciiInteger(String value) {
    if (!value.matches("-?[0-9]+")) {
      throw new IllegalArgumentException("not an ASCII integer");
    }
    return value;
  }

  private static UUID uuid(String value) {
    if (value.length() != 36) {
      throw new IllegalArgumentException("not a canonical uuid");
    }
    return UUID.fromString(value);
  }

  private static Boolean bool(String value) {
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("not a boolean");
    };
  }

  private static Method fromValue(Class<?> type) {
    try {
      Method method = type.getMethod("fromValue", String.class);
      return Modifier.isStatic(method.getModifiers()) ? method : null;
    } catch (NoSuchMethodException none) {
      return null;
    }
  }

  private static Object invoke(Method fromValue, String value) {
    try {
      return fromValue.invoke(null, value);
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
