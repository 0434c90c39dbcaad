package dev.worldsapi.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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

/** The server as its own process stops cleanly on SIGTERM, finishing what it was doing. */
class ShutdownTest {

  private static final Pattern LISTENING = Pattern.compile("listening on http://[^:/]+:(\\d+)");

  @Test
  @DisabledOnOs(value = OS.WINDOWS, disabledReason = "SIGTERM is a POSIX signal")
  void stopsCleanlyOnSigterm(@TempDir Path dir) throws Exception {
    // Output goes to a file: a pipe may be closed under a reader when the process exits.
    Path output = dir.resolve("server.log");
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ReferenceServerMain.class.getName(),
                "--port=0",
                "--worker-step-ms=50")
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
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
    assertThat(process.exitValue()).as(String.join("\n", lines)).isEqualTo(143);
    assertThat(lines).contains("Stopping: finishing requests in flight", "Stopped");
    assertThat(String.join("\n", lines)).doesNotContain(ServerOptions.DEFAULT_TOKEN);
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
