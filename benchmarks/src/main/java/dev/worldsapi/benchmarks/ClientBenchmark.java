package dev.worldsapi.benchmarks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.worldsapi.client.ListWorldJobsParams;
import dev.worldsapi.client.WorldsClient;
import dev.worldsapi.client.model.WorldJob;
import dev.worldsapi.client.paging.Page;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * One list call, {@code jobs().list(all, 1, 20)}, through the client and through the floor: the
 * JDK's {@code java.net.http} client plus Jackson into plain records, against the same in-process
 * server answering the same bytes (a real page of 20 jobs from the reference server). Run with
 * {@code -prof gc} for the allocation per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class ClientBenchmark {

  /**
   * The floor's view of a job: every field of the spec's WorldJob, typed as the client types it.
   */
  public record RawJob(
      String id,
      String kind,
      String status,
      String organizationId,
      String workspaceId,
      String projectId,
      String resourceType,
      String resourceId,
      Double progress,
      String error,
      Map<String, Object> result,
      String createdBy,
      RawUser createdByUser,
      OffsetDateTime createdAt,
      OffsetDateTime startedAt,
      OffsetDateTime completedAt,
      OffsetDateTime cancelRequestedAt) {}

  public record RawUser(UUID id, String email, String username, String fullName) {}

  public record RawPage(List<RawJob> items, int page, int pageSize, int total) {}

  private CannedServer server;
  private WorldsClient client;
  private HttpClient raw;
  private HttpRequest rawRequest;
  private ObjectMapper mapper;

  @Setup(Level.Trial)
  public void start() throws IOException, InterruptedException {
    server = CannedServer.serving(0, Fixtures.listPage(20));
    String base = "http://127.0.0.1:" + server.port();
    client =
        WorldsClient.builder()
            .baseUrl(base)
            .token(Fixtures.TOKEN)
            .workspace(Fixtures.ORG, Fixtures.WORKSPACE)
            .build();
    raw = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    rawRequest =
        HttpRequest.newBuilder(URI.create(base + Fixtures.JOBS + "?page=1&page_size=20"))
            .header("Authorization", "Bearer " + Fixtures.TOKEN)
            .header("Accept", "application/json")
            .build();
    mapper =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    if (client().items().size() != 20 || floor().items().size() != 20) {
      throw new IllegalStateException("both subjects must read the same 20 jobs");
    }
  }

  @TearDown(Level.Trial)
  public void stop() {
    server.close();
  }

  /** Made once, as the floor's request is. */
  private static final ListWorldJobsParams FIRST_PAGE =
      ListWorldJobsParams.builder().page(1).pageSize(20).build();

  @Benchmark
  public Page<WorldJob> client() {
    return client.jobs().list(FIRST_PAGE);
  }

  @Benchmark
  public RawPage floor() throws IOException, InterruptedException {
    HttpResponse<byte[]> response = raw.send(rawRequest, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IOException("HTTP " + response.statusCode());
    }
    return mapper.readValue(response.body(), RawPage.class);
  }
}
