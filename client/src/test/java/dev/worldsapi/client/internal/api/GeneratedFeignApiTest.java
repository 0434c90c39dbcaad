package dev.worldsapi.client.internal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.worldsapi.client.internal.invoker.ApiClient;
import dev.worldsapi.client.model.JobStatus;
import dev.worldsapi.client.model.WorldJob;
import dev.worldsapi.client.model.WorldJobList;
import dev.worldsapi.spec.SpecExamples;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The generated Feign interface against a loopback HTTP server, including the trap that {@code new
 * ApiClient()} registers no bearer authentication.
 */
class GeneratedFeignApiTest {

  private record Recorded(String method, String uri, String authorization) {}

  private final BlockingQueue<Recorded> requests = new LinkedBlockingQueue<>();
  private HttpServer server;

  @BeforeEach
  void startServer() throws IOException {
    byte[] page = SpecExamples.listJobs("firstPage").toString().getBytes(StandardCharsets.UTF_8);
    byte[] job = SpecExamples.sharedResponse("Job").toString().getBytes(StandardCharsets.UTF_8);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.add(
              new Recorded(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().toString(),
                  exchange.getRequestHeaders().getFirst("Authorization")));
          byte[] body = exchange.getRequestURI().getPath().endsWith("/jobs") ? page : job;
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void apiClientBuiltWithTheSchemeNameSendsTheBearerTokenAndDecodesThePage() throws Exception {
    ApiClient apiClient = new ApiClient("bearerAuth").setBasePath(baseUrl());
    apiClient.setBearerToken("not-a-real-token");

    WorldJobList page =
        apiClient
            .buildClient(WorldsJobsApi.class)
            .listWorldJobs("acme", "lab", 2, 50, null, JobStatus.RUNNING, null, null);

    Recorded request = requests.poll(5, TimeUnit.SECONDS);
    assertThat(request).isNotNull();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.uri())
        .isEqualTo("/api/v1/org/acme/ws/lab/worlds/jobs?page=2&page_size=50&status=running");
    assertThat(request.authorization()).isEqualTo("Bearer not-a-real-token");
    assertThat(page.items())
        .singleElement()
        .satisfies(job -> assertThat(job.status()).isEqualTo(JobStatus.RUNNING));
  }

  @Test
  void apiClientBuiltWithoutTheSchemeNameRefusesTheTokenAndSendsNoAuthorization() throws Exception {
    ApiClient apiClient = new ApiClient().setBasePath(baseUrl());
    assertThatThrownBy(() -> apiClient.setBearerToken("not-a-real-token"))
        .isInstanceOf(RuntimeException.class);

    WorldJob job =
        apiClient.buildClient(WorldsJobsApi.class).getWorldJob("acme", "lab", "job-7f3a9c");

    Recorded request = requests.poll(5, TimeUnit.SECONDS);
    assertThat(request).isNotNull();
    assertThat(request.uri()).isEqualTo("/api/v1/org/acme/ws/lab/worlds/jobs/job-7f3a9c");
    assertThat(request.authorization()).isNull();
    assertThat(job.id()).isEqualTo("job-7f3a9c");
  }

  private String baseUrl() {
    return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
  }
}
