package dev.worldsapi.client.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonParser.NumberType;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.SerializerProvider;
import dev.worldsapi.client.model.OpenEnum;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;

/**
 * The readers of the spec's value types, and what the generated models share for writing, copying
 * and printing. Each reader checks the JSON type, and the format where the spec gives one, and
 * names what it expected when the value is not that.
 */
public final class Json {

  private Json() {}

  /** {@code type: string}. */
  public static final JsonReader<String> STRING =
      new Scalar<>(JsonToken.VALUE_STRING) {
        @Override
        public @Nullable String read(Decoding in) throws IOException {
          JsonParser p = in.parser();
          return p.currentToken() == JsonToken.VALUE_STRING ? p.getText() : in.mistyped("a string");
        }
      };

  /** {@code type: boolean}. */
  public static final JsonReader<Boolean> BOOLEAN =
      new Scalar<>(JsonToken.VALUE_TRUE, JsonToken.VALUE_FALSE) {
        @Override
        public @Nullable Boolean read(Decoding in) throws IOException {
          JsonToken token = in.parser().currentToken();
          return token == JsonToken.VALUE_TRUE
              ? Boolean.TRUE
              : token == JsonToken.VALUE_FALSE ? Boolean.FALSE : in.mistyped("a boolean");
        }
      };

  /** {@code type: integer, format: int32}, and an integer without a format. */
  public static final JsonReader<Integer> INT32 =
      new Integral<>(
          "a 32-bit integer", Integer.MIN_VALUE, Integer.MAX_VALUE, v -> Integer.valueOf((int) v));

  /** {@code type: integer, format: int64}. */
  public static final JsonReader<Long> INT64 =
      new Integral<>("a 64-bit integer", Long.MIN_VALUE, Long.MAX_VALUE, Long::valueOf);

  /** {@code type: number, format: double}. */
  public static final JsonReader<Double> DOUBLE = number(p -> Double.valueOf(p.getDoubleValue()));

  /** {@code type: number, format: float}. */
  public static final JsonReader<Float> FLOAT = number(p -> Float.valueOf(p.getFloatValue()));

  /** {@code type: number} without a format. */
  public static final JsonReader<BigDecimal> DECIMAL = number(JsonParser::getDecimalValue);

  /** {@code format: date-time}: RFC 3339, with an offset. */
  public static final JsonReader<OffsetDateTime> DATE_TIME =
      text(
          "a date-time (RFC 3339, e.g. \"2026-01-05T10:15:30Z\")",
          value -> OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME));

  /** {@code format: date}. */
  public static final JsonReader<LocalDate> DATE =
      text("a date (e.g. \"2026-01-05\")", value -> LocalDate.parse(value));

  /** {@code format: uuid}: 36 characters, hexadecimal digits in groups of 8-4-4-4-12. */
  public static final JsonReader<UUID> UUID_VALUE =
      text("a UUID (8-4-4-4-12 hexadecimal digits)", Json::uuid);

  /**
   * A value of any JSON type ({@code additionalProperties: true}, unknown fields), as plain
   * immutable Java: {@code String}, {@code Boolean}, {@code Integer}, {@code Long}, {@code
   * BigInteger}, {@code Double}, an unmodifiable {@code List} or {@code Map}, or {@code null}.
   */
  public static final JsonReader<Object> ANY = Json::any;

  /**
   * A string read by {@code parse}, which refuses what it cannot read by throwing any runtime
   * exception; the problem then names {@code expected}.
   */
  public static <T> JsonReader<T> text(String expected, Function<String, T> parse) {
    return new Scalar<>(JsonToken.VALUE_STRING) {
      @Override
      public @Nullable T read(Decoding in) throws IOException {
        JsonParser p = in.parser();
        if (p.currentToken() != JsonToken.VALUE_STRING) {
          return in.mistyped(expected);
        }
        String value = p.getText();
        try {
          T parsed = parse.apply(value);
          return parsed != null ? parsed : in.invalid(mustBe(expected, value));
        } catch (RuntimeException refused) {
          return in.invalid(mustBe(expected, value));
        }
      }
    };
  }

  /** An enum the spec closes: one of {@code values}, as their JSON values say. */
  public static <E extends Enum<E>> JsonReader<E> oneOf(E[] values, Function<E, String> jsonValue) {
    Map<String, E> byValue = new LinkedHashMap<>();
    for (E value : values) {
      byValue.put(jsonValue.apply(value), value);
    }
    String expected = "one of " + String.join(", ", byValue.keySet());
    return text(expected, byValue::get);
  }

  /** An open enum: any string, known to this client version or not. */
  public static <E extends OpenEnum<?>> JsonReader<E> open(Function<String, E> of) {
    return text("a string", of);
  }

  /** {@code type: array}; its items, never null, read by {@code items}. */
  public static <T> JsonReader<List<T>> listOf(JsonReader<T> items) {
    return new JsonReader<>() {
      @Override
      public @Nullable List<T> read(Decoding in) throws IOException {
        JsonParser p = in.parser();
        if (p.currentToken() != JsonToken.START_ARRAY) {
          return in.mistyped("an array");
        }
        int before = in.problems();
        ArrayList<T> list = new ArrayList<>();
        for (int index = 0; p.nextToken() != JsonToken.END_ARRAY; index++) {
          list.add(in.element(index, items, false));
        }
        return in.problems() > before ? null : Collections.unmodifiableList(list);
      }

      @Override
      public boolean accepts(JsonToken token) {
        return token == JsonToken.START_ARRAY;
      }
    };
  }

  /**
   * {@code type: object} with {@code additionalProperties}: a map of names to values read by {@code
   * values}, null where {@code nullable}.
   */
  public static <T> JsonReader<Map<String, T>> mapOf(JsonReader<T> values, boolean nullable) {
    return new JsonReader<>() {
      @Override
      public @Nullable Map<String, T> read(Decoding in) throws IOException {
        if (!in.startObject()) {
          return null;
        }
        JsonParser p = in.parser();
        int before = in.problems();
        Map<String, T> map = new LinkedHashMap<>();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
          p.nextToken();
          map.put(name, in.field(name, values, nullable));
        }
        return in.problems() > before ? null : Collections.unmodifiableMap(map);
      }

      @Override
      public boolean accepts(JsonToken token) {
        return token == JsonToken.START_OBJECT;
      }
    };
  }

  /** {@code anyOf} scalar schemas: the first whose JSON type the value has. */
  @SafeVarargs
  public static <T> JsonReader<T> anyOf(String expected, JsonReader<? extends T>... choices) {
    return in -> {
      JsonToken token = in.parser().currentToken();
      for (JsonReader<? extends T> choice : choices) {
        if (choice.accepts(token)) {
          return choice.read(in);
        }
      }
      return in.mistyped(expected);
    };
  }

  /**
   * The unknown field {@code name} of an object, kept in {@code extra} (made when first needed).
   */
  public static Map<String, Object> unknown(
      Decoding in, @Nullable Map<String, Object> extra, String name) throws IOException {
    Map<String, Object> kept = extra == null ? new LinkedHashMap<>() : extra;
    kept.put(name, in.field(name, ANY, true));
    return kept;
  }

  /** The unknown fields found, unmodifiable; the same empty map when there were none. */
  public static Map<String, Object> unknownFields(@Nullable Map<String, Object> extra) {
    return extra == null ? Map.of() : Collections.unmodifiableMap(extra);
  }

  // ---- writing

  /**
   * Writes a model's field value: the spec's scalar types, open and closed enums as their JSON
   * values, lists and maps item by item, models and anything else through the mapper.
   */
  public static void write(JsonGenerator gen, SerializerProvider provider, @Nullable Object value)
      throws IOException {
    if (value == null) {
      gen.writeNull();
    } else if (value instanceof String text) {
      gen.writeString(text);
    } else if (value instanceof Boolean flag) {
      gen.writeBoolean(flag);
    } else if (value instanceof Integer number) {
      gen.writeNumber(number);
    } else if (value instanceof Long number) {
      gen.writeNumber(number);
    } else if (value instanceof Double number) {
      gen.writeNumber(number);
    } else if (value instanceof Float number) {
      gen.writeNumber(number);
    } else if (value instanceof BigDecimal number) {
      gen.writeNumber(number);
    } else if (value instanceof BigInteger number) {
      gen.writeNumber(number);
    } else if (value instanceof OffsetDateTime time) {
      gen.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time));
    } else if (value instanceof LocalDate date) {
      gen.writeString(date.toString());
    } else if (value instanceof UUID id) {
      gen.writeString(id.toString());
    } else if (value instanceof OpenEnum<?> open) {
      gen.writeString(open.value());
    } else if (value instanceof Enum<?> closed) {
      // The spec's closed enums, generated: their toString() is their JSON value.
      gen.writeString(closed.toString());
    } else if (value instanceof List<?> list) {
      gen.writeStartArray();
      for (Object item : list) {
        write(gen, provider, item);
      }
      gen.writeEndArray();
    } else if (value instanceof Map<?, ?> map) {
      gen.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        gen.writeFieldName(String.valueOf(entry.getKey()));
        write(gen, provider, entry.getValue());
      }
      gen.writeEndObject();
    } else {
      provider.defaultSerializeValue(value, gen);
    }
  }

  /** A field and its value, for a model that writes itself. */
  public static void writeField(
      JsonGenerator gen, SerializerProvider provider, String name, @Nullable Object value)
      throws IOException {
    gen.writeFieldName(name);
    write(gen, provider, value);
  }

  // ---- copying into models

  /** A list for a model: copied, unmodifiable, refusing a null item by the field's name. */
  public static <T> @Nullable List<T> list(String field, @Nullable List<? extends T> list) {
    if (list == null) {
      return null;
    }
    ArrayList<T> copy = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      T item = list.get(i);
      if (item == null) {
        throw new IllegalArgumentException(field + "[" + i + "] must not be null");
      }
      copy.add(freeze(item));
    }
    return Collections.unmodifiableList(copy);
  }

  /** A map for a model: copied, unmodifiable, its values deeply so; null values where allowed. */
  public static <T> @Nullable Map<String, T> map(
      String field, @Nullable Map<String, ? extends T> map, boolean nullValues) {
    if (map == null) {
      return null;
    }
    Map<String, T> copy = new LinkedHashMap<>();
    map.forEach(
        (name, value) -> {
          Objects.requireNonNull(name, () -> field + " must not have a null name");
          if (value == null && !nullValues) {
            throw new IllegalArgumentException(field + "['" + name + "'] must not be null");
          }
          copy.put(name, freeze(value));
        });
    return Collections.unmodifiableMap(copy);
  }

  /** Lists and maps copied into unmodifiable ones, all the way down; anything else as it is. */
  @SuppressWarnings("unchecked")
  private static <T> T freeze(T value) {
    if (value instanceof List<?> list) {
      ArrayList<Object> copy = new ArrayList<>(list.size());
      list.forEach(item -> copy.add(freeze(item)));
      return (T) Collections.unmodifiableList(copy);
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((name, item) -> copy.put(name, freeze(item)));
      return (T) Collections.unmodifiableMap(copy);
    }
    return value;
  }

  /** The check a builder's {@code build()} runs for each required field. */
  public static void required(String model, String field, String specName, boolean set) {
    if (!set) {
      throw new IllegalArgumentException(
          model
              + ": "
              + (field.equals(specName) ? field : field + " (" + specName + ")")
              + " is required");
    }
  }

  // ---- printing

  /** Appends {@code name=value} to a model's {@code toString}. */
  public static void print(StringBuilder text, String name, @Nullable Object value) {
    if (text.charAt(text.length() - 1) != '{') {
      text.append(", ");
    }
    text.append(name).append('=').append(value);
  }

  // ---- readers' parts

  /** How a number reader takes the parser's current number. */
  @FunctionalInterface
  private interface NumberValue<T> {
    T of(JsonParser parser) throws IOException;
  }

  /** A JSON number, integral or not, taken as {@code value} gives it. */
  private static <T> JsonReader<T> number(NumberValue<T> value) {
    return new Scalar<>(JsonToken.VALUE_NUMBER_INT, JsonToken.VALUE_NUMBER_FLOAT) {
      @Override
      public @Nullable T read(Decoding in) throws IOException {
        return in.parser().currentToken().isNumeric()
            ? value.of(in.parser())
            : in.mistyped("a number");
      }
    };
  }

  private static String mustBe(String expected, String value) {
    return "must be " + expected + ", got " + Decoding.excerpt(value);
  }

  /** An integer within bounds; a number with a zero fraction ({@code 2.0}) is one too. */
  private static final class Integral<T> extends Scalar<T> {

    private final String expected;
    private final long min;
    private final long max;
    private final LongFunction<T> box;

    Integral(String expected, long min, long max, LongFunction<T> box) {
      super(JsonToken.VALUE_NUMBER_INT, JsonToken.VALUE_NUMBER_FLOAT);
      this.expected = expected;
      this.min = min;
      this.max = max;
      this.box = box;
    }

    @Override
    public @Nullable T read(Decoding in) throws IOException {
      JsonParser p = in.parser();
      JsonToken token = p.currentToken();
      if (token == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != NumberType.BIG_INTEGER) {
        long value = p.getLongValue();
        if (value >= min && value <= max) {
          return box.apply(value);
        }
      } else if (token == JsonToken.VALUE_NUMBER_FLOAT) {
        BigDecimal decimal = p.getDecimalValue();
        if (decimal.signum() == 0
            || (decimal.stripTrailingZeros().scale() <= 0
                && decimal.compareTo(BigDecimal.valueOf(min)) >= 0
                && decimal.compareTo(BigDecimal.valueOf(max)) <= 0)) {
          return box.apply(decimal.longValueExact());
        }
      } else if (token != JsonToken.VALUE_NUMBER_INT) {
        return in.mistyped(expected);
      }
      return in.invalid("must be " + expected + ", got " + p.getText());
    }
  }

  private static @Nullable Object any(Decoding in) throws IOException {
    JsonParser p = in.parser();
    JsonToken token = p.currentToken();
    switch (token) {
      case START_OBJECT:
        {
          Map<String, Object> map = new LinkedHashMap<>();
          for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            p.nextToken();
            map.put(name, any(in));
          }
          return Collections.unmodifiableMap(map);
        }
      case START_ARRAY:
        {
          ArrayList<Object> list = new ArrayList<>();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            list.add(any(in));
          }
          return Collections.unmodifiableList(list);
        }
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
        return p.getNumberValue();
      case VALUE_NUMBER_FLOAT:
        return p.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        return in.mistyped("a JSON value");
    }
  }

  private static UUID uuid(String text) {
    if (text.length() != 36) {
      throw new IllegalArgumentException("not a UUID");
    }
    for (int i = 0; i < 36; i++) {
      char c = text.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (dash ? c != '-' : !hex) {
        throw new IllegalArgumentException("not a UUID");
      }
    }
    return UUID.fromString(text);
  }

  /** A reader of scalar values, which says which tokens it takes (for {@code anyOf}). */
  private abstract static class Scalar<T> implements JsonReader<T> {

    private final JsonToken[] tokens;

    Scalar(JsonToken... tokens) {
      this.tokens = tokens;
    }

    @Override
    public boolean accepts(JsonToken token) {
      for (JsonToken candidate : tokens) {
        if (candidate == token) {
          return true;
        }
      }
      return false;
    }
  }
}
