package dev.worldsapi.server.observability;

import java.util.Optional;

/**
 * Where the runtime meets OpenTelemetry, without needing it: the filter that names and annotates
 * the server span of each request, made only when the OpenTelemetry API is on the classpath, and
 * the current trace id for the correlation id of a 500. Reflection keeps this class free of
 * OpenTelemetry's types, so that it loads without them.
 */
public final class ServerTracing {

  /** The request property under which the runtime puts the spec's operationId once matched. */
  public static final String OPERATION_ID = "dev.worldsapi.server.operationId";

  /** The request property under which the runtime puts the operation's path template. */
  public static final String ROUTE = "dev.worldsapi.server.route";

  private static final String FILTER = "dev.worldsapi.server.observability.otel.ServerSpans";

  private ServerTracing() {}

  /** Whether the OpenTelemetry API is on the classpath. */
  public static boolean available() {
    try {
      Class.forName("io.opentelemetry.api.trace.Span", false, ServerTracing.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError absent) {
      return false;
    }
  }

  /**
   * The filter to register: over {@code openTelemetry} if given (an {@code
   * io.opentelemetry.api.OpenTelemetry}), else over the global one; empty without the API.
   */
  public static Optional<Object> filter(Object openTelemetry) {
    if (!available()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          Class.forName(FILTER).getMethod("over", Object.class).invoke(null, openTelemetry));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the OpenTelemetry support could not start", e);
    }
  }

  /**
   * @throws IllegalArgumentException unless {@code value} is an {@code
   *     io.opentelemetry.api.OpenTelemetry} (and the API on the classpath)
   */
  public static void requireOpenTelemetry(Object value) {
    try {
      Class<?> type =
          Class.forName(
              "io.opentelemetry.api.OpenTelemetry", false, ServerTracing.class.getClassLoader());
      if (type.isInstance(value)) {
        return;
      }
    } catch (ClassNotFoundException | LinkageError absent) {
      throw new IllegalArgumentException(
          "openTelemetry needs the OpenTelemetry API (io.opentelemetry:opentelemetry-api)");
    }
    throw new IllegalArgumentException(
        "openTelemetry must be an io.opentelemetry.api.OpenTelemetry, got "
            + (value == null ? "null" : value.getClass().getName()));
  }

  /** The trace id of the span current on this thread (the Java agent's server span), if any. */
  public static Optional<String> currentTraceId() {
    if (!available()) {
      return Optional.empty();
    }
    try {
      @SuppressWarnings("unchecked")
      Optional<String> id =
          (Optional<String>) Class.forName(FILTER).getMethod("currentTraceId").invoke(null);
      return id;
    } catch (ReflectiveOperationException e) {
      return Optional.empty();
    }
  }
}
