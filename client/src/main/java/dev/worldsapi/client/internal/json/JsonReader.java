package dev.worldsapi.client.internal.json;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Reads one JSON value of one schema. Called with the parser on the value's first token, never on a
 * {@code null} ({@link Decoding} handles those); reads the whole value, and answers {@code null}
 * exactly when it recorded a problem.
 *
 * @param <T> the Java type of the value
 */
@FunctionalInterface
public interface JsonReader<T> {

  @Nullable T read(Decoding in) throws IOException;

  /** Whether a value starting with this token may be of this schema (for {@code anyOf}). */
  default boolean accepts(JsonToken token) {
    return true;
  }
}
