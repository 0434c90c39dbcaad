package dev.worldsapi.reference;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.logging.LoggingSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

/**
 * {@code --otel-exporter=logging}: an OpenTelemetry SDK that prints each finished span as a log
 * line (java.util.logging, logger {@code io.opentelemetry.exporter.logging.LoggingSpanExporter}),
 * continuing the trace of an incoming {@code traceparent}. The SDK is an optional dependency of
 * this module, in the runnable jar: this class is loaded only when the flag asks for it.
 */
final class LoggingTraces {

  private LoggingTraces() {}

  /**
   * A started SDK (an {@link OpenTelemetrySdk}); closing it flushes and stops it. Typed as what the
   * caller needs, so that the caller's code names no class of the optional SDK.
   */
  static AutoCloseable start() {
    return OpenTelemetrySdk.builder()
        .setTracerProvider(
            SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(LoggingSpanExporter.create()))
                .build())
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
  }
}
