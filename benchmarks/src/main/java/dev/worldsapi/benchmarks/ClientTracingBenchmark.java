package dev.worldsapi.benchmarks;

import dev.worldsapi.client.ListWorldJobsParams;
import dev.worldsapi.client.WorldsClient;
import dev.worldsapi.client.model.WorldJob;
import dev.worldsapi.client.paging.Page;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link ClientBenchmark}'s call with tracing on: every call and attempt a sampled span, batched to
 * an exporter that drops them (the client's cost, not an exporter's), and both histograms
 * aggregated. Runs from {@code benchmarks-otel.jar}, which has the OpenTelemetry SDK; {@code
 * benchmarks.jar} has none of it, so that {@link ClientBenchmark} measures the client without the
 * API.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class ClientTracingBenchmark {

  private CannedServer server;
  private OpenTelemetrySdk otel;
  private WorldsClient client;

  private static final ListWorldJobsParams FIRST_PAGE =
      ListWorldJobsParams.builder().page(1).pageSize(20).build();

  @Setup(Level.Trial)
  public void start() {
    server = CannedServer.serving(0, Fixtures.listPage(20));
    otel =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(BatchSpanProcessor.builder(new Dropped()).build())
                    .build())
            .setMeterProvider(
                SdkMeterProvider.builder()
                    .registerMetricReader(InMemoryMetricReader.create())
                    .build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    client =
        WorldsClient.builder()
            .baseUrl("http://127.0.0.1:" + server.port())
            .token(Fixtures.TOKEN)
            .workspace(Fixtures.ORG, Fixtures.WORKSPACE)
            .openTelemetry(otel)
            .build();
  }

  @TearDown(Level.Trial)
  public void stop() {
    otel.close();
    server.close();
  }

  @Benchmark
  public Page<WorldJob> tracedClient() {
    return client.jobs().list(FIRST_PAGE);
  }

  /** Takes every span and keeps none. */
  private static final class Dropped implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
