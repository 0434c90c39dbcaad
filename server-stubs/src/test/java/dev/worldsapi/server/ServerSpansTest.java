package dev.worldsapi.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldsapi.server.auth.Caller;
import dev.worldsapi.server.auth.StaticTokenVerifier;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each request's server span, with the SDK's in-memory exporter: the incoming trace continued,
 * named after the spec's operation, the path template as {@code http.route}, a 4xx the client's and
 * a 5xx the server's error, with the 500's correlation id; never the token.
 */
class ServerSpansTest {

  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String PARENT = "00f067aa0ba902b7";

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final OpenTelemetrySdk otel =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(SimpleSpanProcessor.create(spans))
                  .build())
          .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
          .build();
  private StubApplication.Running server;

  @BeforeEach
  void start() throws Exception {
    server =
        StubHost.selected()
            .start(
                List.of(
                    new StubJobsApi(),
                    new WorldsServerFeature(
                            new StaticTokenVerifier(
                                StubApplication.TOKEN, new Caller("user-1", "Ada")))
                        .withOpenTelemetry(otel)),
                new SpecCheckedResponses());
  }

  @AfterEach
  void stop() throws Exception {
    server.stop();
    otel.close();
  }

  private Response get(String path) {
    return StubApplication.authorized(server, StubApplication.BASE + path)
        .header("traceparent", "00-" + TRACE + "-" + PARENT + "-01")
        .get();
  }

  @Test
  void aRequestContinuesItsTraceInASpanNamedAfterItsOperation() {
    try (Response response = get("/jobs/11111111-1111-1111-1111-111111111111")) {
      assertThat(response.getStatus()).isEqualTo(200);
    }

    SpanData span = only();
    assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
    assertThat(span.getName()).isEqualTo("get_world_job");
    assertThat(span.getTraceId()).isEqualTo(TRACE);
    assertThat(span.getParentSpanId()).isEqualTo(PARENT);
    assertThat(span.getAttributes().get(AttributeKey.stringKey("http.route")))
        .isEqualTo("/api/v1/org/{org}/ws/{workspace}/worlds/jobs/{job_id}");
    assertThat(span.getAttributes().get(AttributeKey.longKey("http.response.status_code")))
        .isEqualTo(200L);
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(span.getAttributes().asMap().values().toString())
        .doesNotContain(StubApplication.TOKEN);
  }

  @Test
  void aClientErrorIsNotTheServersError() {
    try (Response response = get("/jobs/missing")) {
      assertThat(response.getStatus()).isEqualTo(404);
    }

    SpanData span = only();
    assertThat(span.getName()).isEqualTo("get_world_job");
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
  }

  @Test
  void aServerErrorMarksTheSpanWithTheCorrelationIdTheEnvelopeCarries() {
    String requestId;
    try (Response response = get("/jobs/explode")) {
      assertThat(response.getStatus()).isEqualTo(500);
      requestId = response.getHeaderString("X-Request-Id");
    }

    SpanData span = only();
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getAttributes().get(AttributeKey.stringKey("error.type"))).isEqualTo("500");
    assertThat(span.getAttributes().get(AttributeKey.stringKey("worlds.request_id")))
        .isEqualTo(requestId);
  }

  private SpanData only() {
    List<SpanData> finished = spans.getFinishedSpanItems();
    assertThat(finished).hasSize(1);
    return finished.get(0);
  }
}
