package dev.worldsapi.client;

import static dev.worldsapi.client.ScriptedServer.closeWithoutAnswer;
import static dev.worldsapi.client.ScriptedServer.json;
import static dev.worldsapi.client.ScriptedServer.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldsapi.client.errors.NotFoundException;
import dev.worldsapi.client.errors.WorldsTransportException;
import dev.worldsapi.client.model.CreateWorldManifestRequest;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client's calls as OpenTelemetry sees them, with the SDK's in-memory exporters: a span per
 * call named after its operation, a CLIENT span per attempt after the HTTP semantic conventions,
 * the trace context on the wire, retry waits as events, the two duration histograms; never the
 * token.
 */
class OpenTelemetryTracingTest {

  private final ScriptedServer server = new ScriptedServer();
  private final FakeTime time = new FakeTime();
  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
  private final OpenTelemetrySdk otel =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(SimpleSpanProcessor.create(spans))
                  .build())
          .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
          .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
          .build();

  @AfterEach
  void stop() throws IOException {
    server.close();
    otel.close();
  }

  private WorldsClient client() {
    return WorldsClient.builder()
        .baseUrl(server.baseUrl())
        .token(TestClients.TOKEN)
        .workspace("acme", "lab")
        .readTimeout(Duration.ofSeconds(5))
        .maxRetries(2)
        .clock(time)
        .sleeper(time)
        .openTelemetry(otel)
        .build();
  }

  @Test
  void aRetried503IsOneCallSpanOverTwoClientSpansEachSendingItsTraceparent() {
    server.then(
        raw("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Length: 0\r\n\r\n"),
        json(TestClients.job("job-1", "queued")));

    client().jobs().get("job-1");

    List<SpanData> finished = spans.getFinishedSpanItems();
    SpanData call = only(finished, SpanKind.INTERNAL);
    List<SpanData> attempts = of(finished, SpanKind.CLIENT);
    assertThat(call.getName()).isEqualTo("get_world_job");
    assertThat(call.getAttributes().get(AttributeKey.longKey("worlds.attempts"))).isEqualTo(2L);
    assertThat(call.getEvents())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.getName()).isEqualTo("worlds.retry.wait");
              assertThat(
                      event
                          .getAttributes()
                          .get(AttributeKey.stringKey("http.response.header.retry-after")))
                  .isEqualTo("1");
            });
    assertThat(attempts).hasSize(2);
    assertThat(attempts)
        .allSatisfy(attempt -> assertThat(attempt.getParentSpanId()).isEqualTo(call.getSpanId()));
    SpanData first = attempts.get(0);
    SpanData second = attempts.get(1);
    assertThat(first.getName()).isEqualTo("GET");
    assertThat(first.getAttributes().get(AttributeKey.stringKey("http.request.method")))
        .isEqualTo("GET");
    assertThat(first.getAttributes().get(AttributeKey.longKey("http.response.status_code")))
        .isEqualTo(503L);
    assertThat(first.getAttributes().get(AttributeKey.stringKey("error.type"))).isEqualTo("503");
    assertThat(first.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(first.getAttributes().get(AttributeKey.longKey("http.request.resend_count")))
        .isNull();
    assertThat(first.getAttributes().get(AttributeKey.stringKey("server.address")))
        .isEqualTo("127.0.0.1");
    assertThat(first.getAttributes().get(AttributeKey.longKey("server.port")))
        .isEqualTo((long) server.port());
    assertThat(second.getAttributes().get(AttributeKey.longKey("http.request.resend_count")))
        .isEqualTo(1L);
    assertThat(second.getAttributes().get(AttributeKey.longKey("http.response.status_code")))
        .isEqualTo(200L);
    // version-trace id-parent id-flags: the flags (sampled, random) are the SDK's to set.
    assertThat(server.received())
        .extracting(request -> request.header("traceparent").substring(0, 52))
        .containsExactly(
            "00-" + call.getTraceId() + "-" + first.getSpanId(),
            "00-" + call.getTraceId() + "-" + second.getSpanId());
  }

  @Test
  void theTokenIsInNoAttributeAndNoEvent() {
    server.then(json(TestClients.job("job-1", "queued")));

    client().jobs().get("job-1");

    assertThat(spans.getFinishedSpanItems())
        .isNotEmpty()
        .allSatisfy(
            span -> {
              assertThat(span.getAttributes().asMap().values().toString())
                  .doesNotContain(TestClients.TOKEN);
              assertThat(span.getEvents().toString()).doesNotContain(TestClients.TOKEN);
            });
  }

  @Test
  void aCreateSaysItCarriedAnIdempotencyKeyButNotTheKey() {
    server.then(json(TestClients.job("job-1", "queued")));

    client().manifests().create(CreateWorldManifestRequest.builder().build());

    SpanData call = only(spans.getFinishedSpanItems(), SpanKind.INTERNAL);
    assertThat(call.getName()).isEqualTo("create_world_manifest");
    assertThat(call.getAttributes().get(AttributeKey.booleanKey("worlds.idempotency_key.present")))
        .isTrue();
    String key = server.received().get(0).header("Idempotency-Key");
    assertThat(call.getAttributes().asMap().values().toString()).doesNotContain(key);
  }

  @Test
  void anErrorAnswerEndsTheCallSpanInErrorWithTheStatus() {
    server.then(
        raw(
            "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: "
                + TestClients.envelope(404, "Not found", "not_found_error").length()
                + "\r\n\r\n"
                + TestClients.envelope(404, "Not found", "not_found_error")));

    assertThatThrownBy(() -> client().jobs().get("job-1")).isInstanceOf(NotFoundException.class);

    SpanData call = only(spans.getFinishedSpanItems(), SpanKind.INTERNAL);
    assertThat(call.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(call.getAttributes().get(AttributeKey.longKey("http.response.status_code")))
        .isEqualTo(404L);
    assertThat(call.getAttributes().get(AttributeKey.stringKey("error.type"))).isEqualTo("404");
  }

  @Test
  void anAttemptWithoutAnswerIsAClientSpanWithTheFailuresType() {
    server.then(closeWithoutAnswer(), closeWithoutAnswer(), closeWithoutAnswer());

    assertThatThrownBy(() -> client().jobs().get("job-1"))
        .isInstanceOf(WorldsTransportException.class);

    List<SpanData> attempts = of(spans.getFinishedSpanItems(), SpanKind.CLIENT);
    assertThat(attempts).hasSize(3);
    assertThat(attempts)
        .allSatisfy(
            attempt -> {
              assertThat(attempt.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
              assertThat(attempt.getAttributes().get(AttributeKey.stringKey("error.type")))
                  .isNotBlank();
            });
    SpanData call = only(spans.getFinishedSpanItems(), SpanKind.INTERNAL);
    assertThat(call.getAttributes().get(AttributeKey.stringKey("error.type")))
        .isEqualTo(WorldsTransportException.class.getName());
  }

  @Test
  void eachAttemptAndEachCallIsMeasured() {
    server.then(
        raw("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n"),
        json(TestClients.job("job-1", "queued")));

    client().jobs().get("job-1");

    List<MetricData> data = List.copyOf(metrics.collectAllMetrics());
    MetricData perAttempt = metric(data, "http.client.request.duration");
    MetricData perCall = metric(data, "worlds.client.call.duration");
    assertThat(perAttempt.getUnit()).isEqualTo("s");
    assertThat(perAttempt.getHistogramData().getPoints())
        .extracting(
            point -> point.getAttributes().get(AttributeKey.longKey("http.response.status_code")))
        .containsExactlyInAnyOrder(503L, 200L);
    assertThat(perAttempt.getHistogramData().getPoints())
        .extracting(HistogramPointData::getCount)
        .containsOnly(1L);
    assertThat(perCall.getHistogramData().getPoints())
        .singleElement()
        .satisfies(
            point -> {
              assertThat(point.getAttributes().get(AttributeKey.stringKey("worlds.operation")))
                  .isEqualTo("get_world_job");
              assertThat(point.getAttributes().get(AttributeKey.stringKey("worlds.outcome")))
                  .isEqualTo("success");
            });
  }

  private static MetricData metric(List<MetricData> data, String name) {
    return data.stream()
        .filter(metric -> metric.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no metric " + name + " in " + data));
  }

  private static SpanData only(List<SpanData> spans, SpanKind kind) {
    List<SpanData> found = of(spans, kind);
    assertThat(found).as(kind + " spans").hasSize(1);
    return found.get(0);
  }

  private static List<SpanData> of(List<SpanData> spans, SpanKind kind) {
    return spans.stream()
        .filter(span -> span.getKind() == kind)
        .sorted(java.util.Comparator.comparingLong(SpanData::getStartEpochNanos))
        .toList();
  }
}
