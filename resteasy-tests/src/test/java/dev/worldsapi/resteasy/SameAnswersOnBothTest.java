package dev.worldsapi.resteasy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.worldsapi.conformance.ConformanceCase;
import dev.worldsapi.conformance.ConformanceRunner;
import dev.worldsapi.reference.ReferenceServer;
import dev.worldsapi.reference.ServerOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every request of the spec-generated conformance suite, sent to the reference application on
 * Jersey and on RESTEasy: the status, the {@code Allow}, {@code WWW-Authenticate}, {@code
 * Retry-After} and {@code Content-Type} headers and, for every failure, the whole envelope must be
 * the same on both. Jersey runs from the reference server's own jar in a process of its own (the
 * two implementations cannot share a classpath); RESTEasy runs here.
 */
class SameAnswersOnBothTest {

  private static final String TOKEN = "not-a-real-token-8a27";
  private static final List<String> COMPARED_HEADERS =
      List.of("allow", "www-authenticate", "retry-after", "content-type");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Process jersey;
  private static ReferenceServer resteasy;

  @TestFactory
  Stream<DynamicTest> everyCaseIsAnsweredAlikeByJerseyAndResteasy() throws Exception {
    int jerseyPort = startJersey();
    resteasy = ReferenceServer.start(new ServerOptions(0, TOKEN, true, Duration.ZERO));
    ConformanceRunner onJersey = runner(jerseyPort);
    ConformanceRunner onResteasy = runner(resteasy.port());
    List<ConformanceCase> jerseyCases = onJersey.cases();
    List<ConformanceCase> resteasyCases = onResteasy.cases();
    assertThat(resteasyCases).hasSameSizeAs(jerseyCases);

    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < jerseyCases.size(); i++) {
      ConformanceCase jerseyCase = jerseyCases.get(i);
      ConformanceCase resteasyCase = resteasyCases.get(i);
      tests.add(
          DynamicTest.dynamicTest(
              jerseyCase.toString(),
              () ->
                  assertAlike(jerseyCase, onJersey.run(jerseyCase), onResteasy.run(resteasyCase))));
    }
    return tests.stream();
  }

  private static void assertAlike(
      ConformanceCase c, ConformanceRunner.Result jersey, ConformanceRunner.Result resteasy)
      throws IOException {
    String where = c + "\n  Jersey:   " + jersey.curl() + "\n  RESTEasy: " + resteasy.curl();
    assertThat(resteasy.status()).as("status of " + where).isEqualTo(jersey.status());
    for (String header : COMPARED_HEADERS) {
      assertThat(values(resteasy.headers(), header))
          .as(header + " of " + where)
          .isEqualTo(values(jersey.headers(), header));
    }
    if (jersey.status() >= 400) {
      assertThat(JSON.readTree(resteasy.body()))
          .as("envelope of " + where)
          .isEqualTo(JSON.readTree(jersey.body()));
    }
  }

  /** A header's values as sent, the name matched without regard to case. */
  private static List<String> values(Map<String, List<String>> headers, String name) {
    List<String> values = new ArrayList<>();
    headers.forEach(
        (key, list) -> {
          if (key.equalsIgnoreCase(name)) {
            values.addAll(list);
          }
        });
    return values;
  }

  private static ConformanceRunner runner(int port) {
    return new ConformanceRunner(
        new ConformanceRunner.Target(
            URI.create("http://127.0.0.1:" + port), TOKEN, "demo", "sandbox"));
  }

  private static int startJersey() throws Exception {
    Path jar = Path.of("..", "reference-server", "target", "worlds-reference-server.jar");
    assertThat(Files.exists(jar)).as(jar + " is built before this module").isTrue();
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    jersey =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "--port=" + port,
                "--token=" + TOKEN,
                "--worker-step-ms=0")
            .redirectErrorStream(true)
            .redirectOutput(Path.of("target", "jersey-reference-server.log").toFile())
            .start();
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<Void> spec =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/openapi.yaml"))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (spec.statusCode() == 200) {
          return port;
        }
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("the Jersey reference server did not start: see target/");
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (resteasy != null) {
      resteasy.close();
    }
    if (jersey != null) {
      jersey.destroy();
      jersey.waitFor();
    }
  }
}
