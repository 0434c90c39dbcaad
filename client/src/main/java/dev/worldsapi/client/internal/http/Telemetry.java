package dev.worldsapi.client.internal.http;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a call tells whoever watches the client: one observation of the logical call, one of each
 * attempt in it, the waits between them. {@link #NONE} when nobody watches: then nothing is
 * allocated per call. The OpenTelemetry implementation lives in {@code internal.otel} and is loaded
 * only when the OpenTelemetry API is on the classpath.
 */
public interface Telemetry {

  /** Watches nothing. */
  Telemetry NONE = operationId -> Call.NONE;

  /** A call to {@code operationId} (the spec's name for the operation) begins. */
  Call call(String operationId);

  /**
   * OpenTelemetry's, over {@code openTelemetry} if given (an {@code io.opentelemetry.api
   * .OpenTelemetry}), else over the global one when the OpenTelemetry API is on the classpath (the
   * Java agent's, when it runs); {@link #NONE} without the API. Reflection keeps this class free of
   * OpenTelemetry's types, so that it loads without them.
   */
  static Telemetry of(@Nullable Object openTelemetry) {
    ClassLoader loader = Telemetry.class.getClassLoader();
    try {
      Class.forName("io.opentelemetry.api.GlobalOpenTelemetry", false, loader);
    } catch (ClassNotFoundException | LinkageError absent) {
      return NONE;
    }
    try {
      Class<?> calls = Class.forName("dev.worldsapi.client.internal.otel.OpenTelemetryCalls");
      return openTelemetry == null
          ? (Telemetry) calls.getMethod("global").invoke(null)
          : (Telemetry) calls.getMethod("of", Object.class).invoke(null, openTelemetry);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the OpenTelemetry support could not start", e);
    }
  }

  /** One logical call, its attempts and its end. */
  interface Call {
    Call NONE = new Call() {};

    /**
     * An attempt begins: {@code method} to {@code url}, the {@code resendCount}th resend (0 for the
     * first attempt), {@code idempotencyKey} whether it carries one. Answers the attempt, whose
     * headers go out with the request.
     */
    default Attempt attempt(String method, String url, int resendCount, boolean idempotencyKey) {
      return Attempt.NONE;
    }

    /**
     * The call waits {@code wait} before its next attempt; {@code retryAfter} as the server said.
     */
    default void waiting(Duration wait, @Nullable String retryAfter) {}

    /** The call ended with {@code status} (a 2xx, or the failure's status) after its attempts. */
    default void answered(int status, int attempts) {}

    /** The call ended without an answer it could use: {@code failure}, after its attempts. */
    default void failed(Throwable failure, int attempts) {}
  }

  /** One attempt: one HTTP request and what came of it. */
  interface Attempt {
    Attempt NONE = new Attempt() {};

    /** Headers to send with the attempt's request (trace context). */
    default Map<String, String> headers() {
      return Map.of();
    }

    /** The attempt was answered with {@code status}. */
    default void answered(int status) {}

    /** The attempt got no answer. */
    default void failed(Throwable failure) {}
  }
}
