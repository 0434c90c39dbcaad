package dev.worldsapi.client.internal.otel;

import dev.worldsapi.client.internal.http.Telemetry;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Calls and attempts as OpenTelemetry spans and metrics, after the HTTP semantic conventions: a
 * span per call named after its operation, under it a CLIENT span per attempt whose trace context
 * goes out with the request ({@code traceparent}, {@code tracestate}), retry waits as events; the
 * {@code http.client.request.duration} histogram per attempt and {@code
 * worlds.client.call.duration} per call. Loaded only when the OpenTelemetry API is on the
 * classpath. The token is never an attribute: no request header is recorded.
 */
public final class OpenTelemetryCalls implements Telemetry {

  static final String SCOPE = "dev.worldsapi.client";

  static final AttributeKey<String> OPERATION = AttributeKey.stringKey("worlds.operation");
  static final AttributeKey<Long> ATTEMPTS = AttributeKey.longKey("worlds.attempts");
  static final AttributeKey<Boolean> IDEMPOTENCY_KEY =
      AttributeKey.booleanKey("worlds.idempotency_key.present");
  static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("worlds.outcome");
  static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
  static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
  static final AttributeKey<Long> RESEND_COUNT = AttributeKey.longKey("http.request.resend_count");
  static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
  static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  static final AttributeKey<Long> WAIT_MS = AttributeKey.longKey("worlds.retry.wait_ms");
  static final AttributeKey<String> RETRY_AFTER =
      AttributeKey.stringKey("http.response.header.retry-after");

  /** The semantic conventions' advice for HTTP durations, in seconds. */
  private static final List<Double> BUCKETS =
      List.of(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0);

  private final Tracer tracer;
  private final TextMapPropagator propagator;
  private final DoubleHistogram attemptDuration;
  private final DoubleHistogram callDuration;

  private OpenTelemetryCalls(OpenTelemetry otel) {
    this.tracer = otel.getTracer(SCOPE);
    this.propagator = otel.getPropagators().getTextMapPropagator();
    Meter meter = otel.getMeter(SCOPE);
    this.attemptDuration =
        meter
            .histogramBuilder("http.client.request.duration")
            .setUnit("s")
            .setDescription("Duration of HTTP client requests: one per attempt.")
            .setExplicitBucketBoundariesAdvice(BUCKETS)
            .build();
    this.callDuration =
        meter
            .histogramBuilder("worlds.client.call.duration")
            .setUnit("s")
            .setDescription("Duration of client calls, their attempts and waits included.")
            .setExplicitBucketBoundariesAdvice(BUCKETS)
            .build();
  }

  /** Over {@code otel}, which the application gave the client's builder. */
  public static Telemetry of(Object otel) {
    return new OpenTelemetryCalls((OpenTelemetry) otel);
  }

  /** Over the global OpenTelemetry: the Java agent's when it runs, a no-op one otherwise. */
  public static Telemetry global() {
    return new OpenTelemetryCalls(GlobalOpenTelemetry.get());
  }

  @Override
  public Call call(String operationId) {
    Context parent = Context.current();
    Span span =
        tracer
            .spanBuilder(operationId)
            .setParent(parent)
            .setSpanKind(SpanKind.INTERNAL)
            .setAttribute(OPERATION, operationId)
            .startSpan();
    return new TracedCall(operationId, span, parent.with(span), System.nanoTime());
  }

  private final class TracedCall implements Call {
    private final String operationId;
    private final Span span;
    private final Context context;
    private final long start;

    TracedCall(String operationId, Span span, Context context, long start) {
      this.operationId = operationId;
      this.span = span;
      this.context = context;
      this.start = start;
    }

    @Override
    public Attempt attempt(String method, String url, int resendCount, boolean idempotencyKey) {
      if (resendCount == 0) {
        span.setAttribute(IDEMPOTENCY_KEY, idempotencyKey);
      }
      URI uri = URI.create(url);
      int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
      AttributesBuilder common =
          Attributes.builder()
              .put(METHOD, method)
              .put(SERVER_ADDRESS, String.valueOf(uri.getHost()))
              .put(SERVER_PORT, (long) port);
      io.opentelemetry.api.trace.SpanBuilder builder =
          tracer
              .spanBuilder(method)
              .setParent(context)
              .setSpanKind(SpanKind.CLIENT)
              .setAllAttributes(common.build())
              .setAttribute(URL_FULL, url);
      if (resendCount > 0) {
        builder.setAttribute(RESEND_COUNT, (long) resendCount);
      }
      Span attempt = builder.startSpan();
      Map<String, String> headers = new HashMap<>(4);
      propagator.inject(context.with(attempt), headers, Map::put);
      return new TracedAttempt(attempt, common, headers, System.nanoTime());
    }

    @Override
    public void waiting(Duration wait, @Nullable String retryAfter) {
      AttributesBuilder event = Attributes.builder().put(WAIT_MS, wait.toMillis());
      if (retryAfter != null) {
        event.put(RETRY_AFTER, retryAfter);
      }
      span.addEvent("worlds.retry.wait", event.build());
    }

    @Override
    public void answered(int status, int attempts) {
      span.setAttribute(ATTEMPTS, (long) attempts);
      span.setAttribute(STATUS, (long) status);
      String outcome = status < 400 ? "success" : "error";
      if (status >= 400) {
        span.setAttribute(ERROR_TYPE, String.valueOf(status));
        span.setStatus(StatusCode.ERROR);
      }
      span.end();
      callDuration.record(
          seconds(start),
          Attributes.of(OPERATION, operationId, STATUS, (long) status, OUTCOME, outcome));
    }

    @Override
    public void failed(Throwable failure, int attempts) {
      span.setAttribute(ATTEMPTS, (long) attempts);
      span.setAttribute(ERROR_TYPE, failure.getClass().getName());
      span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
      span.end();
      callDuration.record(
          seconds(start),
          Attributes.of(
              OPERATION,
              operationId,
              ERROR_TYPE,
              failure.getClass().getName(),
              OUTCOME,
              "failure"));
    }
  }

  private final class TracedAttempt implements Attempt {
    private final Span span;
    private final AttributesBuilder attributes;
    private final Map<String, String> headers;
    private final long start;

    TracedAttempt(
        Span span, AttributesBuilder attributes, Map<String, String> headers, long start) {
      this.span = span;
      this.attributes = attributes;
      this.headers = headers;
      this.start = start;
    }

    @Override
    public Map<String, String> headers() {
      return headers;
    }

    @Override
    public void answered(int status) {
      span.setAttribute(STATUS, (long) status);
      attributes.put(STATUS, (long) status);
      if (status >= 400) {
        span.setAttribute(ERROR_TYPE, String.valueOf(status));
        span.setStatus(StatusCode.ERROR);
        attributes.put(ERROR_TYPE, String.valueOf(status));
      }
      span.end();
      attemptDuration.record(seconds(start), attributes.build());
    }

    @Override
    public void failed(Throwable failure) {
      // The type only: a message may carry a URL or a server's words, never a header.
      span.setAttribute(ERROR_TYPE, failure.getClass().getName());
      span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
      attributes.put(ERROR_TYPE, failure.getClass().getName());
      span.end();
      attemptDuration.record(seconds(start), attributes.build());
    }
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
