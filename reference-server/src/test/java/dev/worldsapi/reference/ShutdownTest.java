package dev.worldsapi.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as its own process stops cleanly on SIGTERM: it stops accepting at once, finishes the
 * requests in flight within its grace, and exits 0.
 */
class ShutdownTest {

  private static final Pattern LISTENING = Pattern.compile("listening on http://[^:/]+:(\\d+)");

  @Test
  @DisabledOnOs(value = OS.WINDOWS, disabledReason = "SIGTERM is a POSIX signal")
  void stopsCleanlyOnSigterm(@TempDir Path dir) throws Exception {
    // Output goes to a file: a pipe may be closed under a reader when the process exits.
    Path output = dir.resolve("server.log");
    Process process = startServer(output, "--worker-step-ms=50");
    try {
      int port = awaitPort(output);
      assertThat(new Http(port, ServerOptions.DEFAULT_TOKEN).get(Http.JOBS).status())
          .isEqualTo(200);

      process.destroy(); // SIGTERM
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    } finally {
      process.destroyForcibly();
    }

    List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(String.join("\n", lines)).isEqualTo(0);
    assertThat(lines)
        .contains("Stopping: finishing requests in flight (up to 10000 ms)", "Stopped");
    assertThat(String.join("\n", lines)).doesNotContain(ServerOptions.DEFAULT_TOKEN);
  }

  @Test
  @DisabledOnOs(value = OS.WINDOWS, disabledReason = "SIGTERM is a POSIX signal")
  void aRequestInFlightAtSigtermIsFinishedAndNewConnectionsAreRefused(@TempDir Path dir)
      throws Exception {
    Path output = dir.resolve("server.log");
    Process process = startServer(output, "--shutdown-grace-ms=8000");
    try {
      int port = awaitPort(output);
      byte[] body = "{\"name\": \"in flight at SIGTERM\"}".getBytes(StandardCharsets.UTF_8);
      try (Socket inFlight = new Socket("127.0.0.1", port)) {
        inFlight.setSoTimeout(15_000);
        OutputStream out = inFlight.getOutputStream();
        // The head, asking to be told when the body is wanted: the 100 answer says the server has
        // the request in hand and is reading its body. Then half the body, and the request waits
        // for the rest.
        out.write(
            ("POST /api/v1/org/demo/ws/sandbox/worlds/manifests HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer "
                    + ServerOptions.DEFAULT_TOKEN
                    + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length
                    + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        assertThat(RawAnswer.readHead(inFlight.getInputStream())).startsWith("HTTP/1.1 100");
        out.write(body, 0, body.length / 2);
        out.flush();

        process.destroy(); // SIGTERM
        awaitRefused(port);

        // Time passes on purpose, past the second a stop used to allow: only the grace keeps the
        // request alive. Nothing here waits for a state; a slower machine only waits longer.
        Thread.sleep(2000);
        out.write(body, body.length / 2, body.length - body.length / 2);
        out.flush();
        String answer =
            new String(inFlight.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(answer).startsWith("HTTP/1.1 200").contains("\"kind\":\"manifest_generation\"");
      }
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    } finally {
      process.destroyForcibly();
    }
    List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(String.join("\n", lines)).isEqualTo(0);
    assertThat(lines).contains("Stopping: finishing requests in flight (up to 8000 ms)", "Stopped");
  }

  /** The server as its own process on a free port; what it prints goes to {@code output}. */
  private static Process startServer(Path output, String option) throws IOException {
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            ReferenceServerMain.class.getName(),
            "--port=0",
            option)
        .redirectErrorStream(true)
        .redirectOutput(output.toFile())
        .start();
  }

  /**
   * Waits until a new connection to {@code port} is refused: the server closed its listener. A
   * connection accepted before that is closed at once.
   */
  private static void awaitRefused(int port) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      try {
        new Socket("127.0.0.1", port).close();
      } catch (ConnectException refused) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("port " + port + " still accepts connections 15 s after SIGTERM");
  }

  private static int awaitPort(Path output) throws InterruptedException, IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      Matcher listening = LISTENING.matcher(Files.readString(output, StandardCharsets.UTF_8));
      if (listening.find()) {
        return Integer.parseInt(listening.group(1));
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "the server did not start:\n" + Files.readString(output, StandardCharsets.UTF_8));
  }
}
