package dev.worldsapi.server.idempotency.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.worldsapi.server.model.CreateWorldManifestRequest;
import dev.worldsapi.server.model.WorldJob;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Two instances of a service, each its own Jersey application on its own port with its own {@link
 * JdbcIdempotencyStore}, sharing one PostgreSQL database as instances behind a load balancer do.
 * Their jobs are counted in one place, as a shared jobs database would hold them.
 */
@EnabledIf(
    value = "dev.worldsapi.server.idempotency.jdbc.Postgres#named",
    disabledReason = "no PostgreSQL named")
class TwoInstancesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final AtomicInteger created = new AtomicInteger();
  private static String table;
  private static final List<ServiceInstance> instances = new ArrayList<>();

  @BeforeAll
  static void startTwoInstances() {
    table = Postgres.freshTable();
    for (int i = 0; i < 2; i++) {
      JdbcIdempotencyStore store =
          JdbcIdempotencyStore.builder(Postgres.connections()).table(table).build();
      store.createTableIfMissing();
      instances.add(ServiceInstance.start(new SlowJobs(), store));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    for (ServiceInstance instance : instances) {
      instance.close();
    }
    if (table != null) {
      Postgres.execute("DROP TABLE IF EXISTS " + table);
    }
  }

  @Test
  void theSameKeyAndBodyOnBothInstancesAtOnceCreateExactlyOneJob() throws Exception {
    String key = UUID.randomUUID().toString();
    int before = created.get();

    List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      answers.add(
          ServiceInstance.sendAsync(instances.get(i % 2).create(key, "{\"name\": \"lab\"}")));
    }
    List<HttpResponse<String>> responses = new ArrayList<>();
    for (CompletableFuture<HttpResponse<String>> answer : answers) {
      responses.add(answer.get());
    }

    assertThat(created.get() - before).isEqualTo(1);
    List<HttpResponse<String>> jobs =
        responses.stream().filter(r -> r.statusCode() == 200).toList();
    assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isIn(200, 409));
    assertThat(jobs.stream().filter(r -> r.headers().firstValue("Idempotent-Replayed").isEmpty()))
        .hasSize(1);
    assertThat(jobs.stream().map(r -> id(r.body())).distinct()).hasSize(1);
    assertThat(responses.stream().filter(r -> r.statusCode() == 409))
        .allSatisfy(r -> assertThat(JSON.readTree(r.body()).path("code").asInt()).isEqualTo(409));

    // Once it has finished, both instances answer the first job again, byte for byte.
    String first = jobs.get(0).body();
    for (ServiceInstance instance : instances) {
      HttpResponse<String> again = send(instance.create(key, "{\"name\": \"lab\"}"));
      assertThat(again.statusCode()).isEqualTo(200);
      assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
      assertThat(again.body()).isEqualTo(first);
    }
    assertThat(created.get() - before).isEqualTo(1);
  }

  @Test
  void aKeyUsedOnOneInstanceWithAnotherBodyIsRefusedOnTheOther() throws Exception {
    String key = UUID.randomUUID().toString();
    assertThat(send(instances.get(0).create(key, "{\"name\": \"lab\"}")).statusCode())
        .isEqualTo(200);
    int before = created.get();

    HttpResponse<String> refused = send(instances.get(1).create(key, "{\"name\": \"other\"}"));

    assertThat(refused.statusCode()).isEqualTo(422);
    JsonNode error = JSON.readTree(refused.body()).at("/errors/0");
    assertThat(error.path("type").asText()).isEqualTo("idempotency_key_reused");
    assertThat(error.path("loc").toString()).isEqualTo("[\"header\",\"Idempotency-Key\"]");
    assertThat(created.get()).isEqualTo(before);
  }

  @Test
  void aRequestThatFailedOnOneInstanceRunsAgainOnTheOther() throws Exception {
    String key = UUID.randomUUID().toString();
    assertThat(send(instances.get(0).create(key, "{\"name\": \"fail once\"}")).statusCode())
        .isEqualTo(500);
    int before = created.get();

    HttpResponse<String> retried = send(instances.get(1).create(key, "{\"name\": \"fail once\"}"));

    assertThat(retried.statusCode()).isEqualTo(200);
    assertThat(retried.headers().firstValue("Idempotent-Replayed")).isEmpty();
    assertThat(created.get()).isEqualTo(before + 1);
  }

  private static HttpResponse<String> send(java.net.http.HttpRequest request) throws Exception {
    return ServiceInstance.send(request);
  }

  private static String id(String body) {
    try {
      return JSON.readTree(body).path("id").asText();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(body, e);
    }
  }

  /**
   * Creates a manifest job in 300 ms, long enough for every concurrent request to arrive while it
   * runs; a name starting "fail once" fails the first time it is seen.
   */
  public static final class SlowJobs extends ManifestsOnly {
    private static final java.util.Set<String> failedOnce =
        java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public WorldJob createWorldManifest(
        String org, String workspace, CreateWorldManifestRequest request, String idempotencyKey) {
      if (request.getName() != null
          && request.getName().startsWith("fail once")
          && failedOnce.add(idempotencyKey)) {
        throw new IllegalStateException("the first attempt fails");
      }
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      created.incrementAndGet();
      return job("job-" + UUID.randomUUID(), org, workspace);
    }
  }
}
