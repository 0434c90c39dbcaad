package dev.worldsapi.server.idempotency.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.worldsapi.server.WorldsServerFeature;
import dev.worldsapi.server.api.WorldsJobsApi;
import dev.worldsapi.server.auth.Caller;
import dev.worldsapi.server.auth.StaticTokenVerifier;
import dev.worldsapi.server.errors.WorldsApiException;
import dev.worldsapi.server.model.CreateWorldManifestRequest;
import dev.worldsapi.server.model.CreateWorldTrajectoryRequest;
import dev.worldsapi.server.model.WorldJob;
import dev.worldsapi.server.model.WorldJobKind;
import dev.worldsapi.server.model.WorldJobList;
import dev.worldsapi.server.model.WorldJobStatus;
import dev.worldsapi.server.model.WorldResourceType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.jetty.JettyHttpContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
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

  private static final String TOKEN = "two-instances-test-token-not-a-secret";
  private static final String MANIFESTS = "/api/v1/org/demo/ws/sandbox/worlds/manifests";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  // Jersey warns that a resource whose @Path sits on its interface "does not implement any
  // provider interfaces", then serves it as a resource all the same.
  private static final java.util.logging.Logger PROVIDER_CHECK =
      java.util.logging.Logger.getLogger("org.glassfish.jersey.internal.inject.Providers");

  static {
    PROVIDER_CHECK.setLevel(java.util.logging.Level.SEVERE);
  }

  private static final AtomicInteger created = new AtomicInteger();
  private static String table;
  private static final List<Server> servers = new ArrayList<>();
  private static final List<URI> instances = new ArrayList<>();

  @BeforeAll
  static void startTwoInstances() throws Exception {
    table = Postgres.freshTable();
    for (int i = 0; i < 2; i++) {
      JdbcIdempotencyStore store =
          JdbcIdempotencyStore.builder(Postgres.connections()).table(table).build();
      store.createTableIfMissing();
      ResourceConfig app =
          new ResourceConfig()
              // Without JAXB, Jersey would warn that its WADL is disabled; no one asks for it.
              .property(ServerProperties.WADL_FEATURE_DISABLE, true)
              .register(new SlowJobs())
              .register(
                  new WorldsServerFeature(
                      new StaticTokenVerifier(TOKEN, new Caller("user-1", "User One")),
                      path -> false,
                      store));
      Server server =
          JettyHttpContainerFactory.createServer(URI.create("http://127.0.0.1:0/"), app);
      servers.add(server);
      instances.add(
          URI.create(
              "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort()));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    for (Server server : servers) {
      server.stop();
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
          HTTP.sendAsync(
              create(instances.get(i % 2), key, "{\"name\": \"lab\"}"),
              HttpResponse.BodyHandlers.ofString()));
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
    for (URI instance : instances) {
      HttpResponse<String> again = send(create(instance, key, "{\"name\": \"lab\"}"));
      assertThat(again.statusCode()).isEqualTo(200);
      assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
      assertThat(again.body()).isEqualTo(first);
    }
    assertThat(created.get() - before).isEqualTo(1);
  }

  @Test
  void aKeyUsedOnOneInstanceWithAnotherBodyIsRefusedOnTheOther() throws Exception {
    String key = UUID.randomUUID().toString();
    assertThat(send(create(instances.get(0), key, "{\"name\": \"lab\"}")).statusCode())
        .isEqualTo(200);
    int before = created.get();

    HttpResponse<String> refused = send(create(instances.get(1), key, "{\"name\": \"other\"}"));

    assertThat(refused.statusCode()).isEqualTo(422);
    JsonNode error = JSON.readTree(refused.body()).at("/errors/0");
    assertThat(error.path("type").asText()).isEqualTo("idempotency_key_reused");
    assertThat(error.path("loc").toString()).isEqualTo("[\"header\",\"Idempotency-Key\"]");
    assertThat(created.get()).isEqualTo(before);
  }

  @Test
  void aRequestThatFailedOnOneInstanceRunsAgainOnTheOther() throws Exception {
    String key = UUID.randomUUID().toString();
    assertThat(send(create(instances.get(0), key, "{\"name\": \"fail once\"}")).statusCode())
        .isEqualTo(500);
    int before = created.get();

    HttpResponse<String> retried = send(create(instances.get(1), key, "{\"name\": \"fail once\"}"));

    assertThat(retried.statusCode()).isEqualTo(200);
    assertThat(retried.headers().firstValue("Idempotent-Replayed")).isEmpty();
    assertThat(created.get()).isEqualTo(before + 1);
  }

  private static HttpRequest create(URI instance, String key, String body) {
    return HttpRequest.newBuilder(instance.resolve(MANIFESTS))
        .header("Authorization", "Bearer " + TOKEN)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", key)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private static HttpResponse<String> send(HttpRequest request) throws Exception {
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
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
  public static final class SlowJobs implements WorldsJobsApi {
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
      return new WorldJob(
              "job-" + UUID.randomUUID(),
              WorldJobKind.MANIFEST_GENERATION,
              WorldJobStatus.QUEUED,
              org,
              workspace,
              OffsetDateTime.now(ZoneOffset.UTC))
          .resourceType(WorldResourceType.MANIFEST)
          .resourceId(UUID.randomUUID().toString())
          .progress(0.0)
          .createdBy("user-1");
    }

    @Override
    public WorldJob createWorldTrajectory(
        String org, String workspace, CreateWorldTrajectoryRequest request, String idempotencyKey) {
      throw WorldsApiException.notFound("not in this test");
    }

    @Override
    public WorldJob cancelWorldJob(String org, String workspace, String jobId) {
      throw WorldsApiException.notFound("not in this test");
    }

    @Override
    public WorldJob getWorldJob(String org, String workspace, String jobId) {
      throw WorldsApiException.notFound("not in this test");
    }

    @Override
    public WorldJobList listWorldJobs(
        String org,
        String workspace,
        Integer page,
        Integer pageSize,
        WorldJobKind kind,
        WorldJobStatus status,
        UUID projectId,
        String createdBy) {
      throw WorldsApiException.notFound("not in this test");
    }
  }
}
