package dev.worldsapi.resteasy;

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

/**
 * The reference server on Jersey, from its own jar in a process of its own (Jersey and RESTEasy
 * cannot share a classpath), seeded, worker frozen: what the differential tests compare against.
 */
public final class JerseyReferenceProcess implements AutoCloseable {

  private final Process process;
  private final int port;

  private JerseyReferenceProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts the jar with this token and waits until it serves the spec. */
  public static JerseyReferenceProcess start(String token) throws Exception {
    Path jar = Path.of("..", "reference-server", "target", "worlds-reference-server.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " must be built before this module");
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "--port=" + port,
                "--token=" + token,
                "--worker-step-ms=0")
            .redirectErrorStream(true)
            .redirectOutput(Path.of("target", "jersey-reference-server-" + port + ".log").toFile())
            .start();
    JerseyReferenceProcess jersey = new JerseyReferenceProcess(process, port);
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
          return jersey;
        }
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    jersey.close();
    throw new IllegalStateException("the Jersey reference server did not start: see target/");
  }

  public int port() {
    return port;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }
}
