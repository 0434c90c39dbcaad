package dev.worldsapi.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads {@code /docs} in headless Chromium (Debian's {@code chromium}) and reads the rendered page:
 * Swagger UI must have loaded the spec from the server and listed every operation. Skipped where no
 * Chromium is installed, except in CI, which installs it.
 */
class DocsPageBrowserTest {

  private static final Path CHROMIUM =
      Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

  @Test
  void docsPageListsEveryOperation(@TempDir Path profile) throws Exception {
    boolean inCi = "true".equals(System.getenv("CI"));
    if (!Files.isExecutable(CHROMIUM)) {
      if (inCi) {
        throw new AssertionError(
            "CI must install Chromium (apt-get install chromium) for this test; none at "
                + CHROMIUM);
      }
      Assumptions.abort(
          "No Chromium at " + CHROMIUM + ": install Debian's chromium package to run this test");
    }
    try (ReferenceServer server =
        ReferenceServer.start(
            new ServerOptions(0, "not-a-real-token-d0c5", false, Duration.ZERO))) {
      Path dom = profile.resolve("dom.html");
      Process chromium =
          new ProcessBuilder(
                  List.of(
                      CHROMIUM.toString(),
                      "--headless",
                      "--no-sandbox",
                      "--disable-gpu",
                      "--disable-quic",
                      "--no-first-run",
                      "--disable-background-networking",
                      "--disable-component-update",
                      "--disable-sync",
                      "--user-data-dir=" + profile.resolve("profile"),
                      "--virtual-time-budget=15000",
                      "--dump-dom",
                      "http://127.0.0.1:" + server.port() + "/docs"))
              .redirectOutput(dom.toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      assertThat(chromium.waitFor(90, TimeUnit.SECONDS)).as("Chromium finished").isTrue();

      String page = Files.readString(dom, StandardCharsets.UTF_8);
      assertThat(page).contains("swagger-ui");
      for (String path :
          List.of(
              "/jobs\"",
              "/jobs/{job_id}\"",
              "/jobs/{job_id}/cancel\"",
              "/manifests\"",
              "/trajectories\"")) {
        assertThat(page).contains("data-path=\"/api/v1/org/{org}/ws/{workspace}/worlds" + path);
      }
      assertThat(page)
          .contains(
              "List world jobs",
              "Get a world job",
              "Cancel a world job",
              "Create a manifest generation job",
              "Create a trajectory generation job");
    }
  }
}
