package dev.worldsapi.client.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * An enum value as the server sent it, which may be one this client version does not know. Reading
 * a newer server's value never fails: {@link #known()} is then empty and {@link #value()} still
 * holds the value. Equal when the values are equal. Immutable.
 *
 * <pre>{@code
 * switch (job.status().known().orElse(null)) {
 *   case COMPLETED -> ...
 *   case null, default -> log.info("status {}", job.status().value());
 * }
 * }</pre>
 *
 * @param <K> the values this client version knows
 */
@NullMarked
public abstract class OpenEnum<K extends Enum<K>> {

  private final String value;
  private final @Nullable K known;

  OpenEnum(String value, Class<K> knownValues) {
    if (value == null) {
      throw new NullPointerException("value");
    }
    this.value = value;
    this.known = lookUp(value, knownValues);
  }

  /** The value as it travels in JSON, e.g. {@code "trajectory_generation"}. */
  @JsonValue
  public final String value() {
    return value;
  }

  /** The value as a Java enum constant, or empty when this client version does not know it. */
  public final Optional<K> known() {
    return Optional.ofNullable(known);
  }

  public final boolean isKnown() {
    return known != null;
  }

  @Override
  public final boolean equals(@Nullable Object other) {
    return other != null
        && other.getClass() == getClass()
        && ((OpenEnum<?>) other).value.equals(value);
  }

  @Override
  public final int hashCode() {
    return value.hashCode();
  }

  /** The JSON value, so that query parameters and logs show what the server sees. */
  @Override
  public final String toString() {
    return value;
  }

  // Each known set's constants by JSON value, made once: reading a value allocates nothing.
  private static final ClassValue<Map<String, Enum<?>>> BY_VALUE =
      new ClassValue<>() {
        @Override
        protected Map<String, Enum<?>> computeValue(Class<?> type) {
          Map<String, Enum<?>> byValue = new HashMap<>();
          for (Object constant : type.getEnumConstants()) {
            Enum<?> known = (Enum<?>) constant;
            byValue.put(known.name().toLowerCase(Locale.ROOT), known);
          }
          return Map.copyOf(byValue);
        }
      };

  private static <K extends Enum<K>> @Nullable K lookUp(String value, Class<K> knownValues) {
    return knownValues.cast(BY_VALUE.get(knownValues).get(value));
  }
}
