package dev.worldsapi.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium, headless, for tests that look at a page as a reader's browser renders it: the
 * DOM after the page's scripts ran. With no network of its own (background networking, component
 * updates and sync off). Skips where Chromium is not installed, except in CI, which installs it.
 */
public final class HeadlessChromium {

  private static final Path CHROMIUM =
      Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

  private HeadlessChromium() {}

  /** The DOM of the page at {@code url} once its scripts had {@code budget} of virtual time. */
  public static String dom(String url, Path workDir, Duration budget)
      throws IOException, InterruptedException {
    requireChromium();
    Path dom = workDir.resolve("dom.html");
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
                    "--user-data-dir=" + workDir.resolve("profile"),
                    "--virtual-time-budget=" + budget.toMillis(),
                    "--dump-dom",
                    url))
            .redirectOutput(dom.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!chromium.waitFor(90, TimeUnit.SECONDS)) {
      chromium.destroyForcibly();
      throw new AssertionError("Chromium did not finish within 90 s on " + url);
    }
    return Files.readString(dom, StandardCharsets.UTF_8);
  }

  private static void requireChromium() {
    if (Files.isExecutable(CHROMIUM)) {
      return;
    }
    if ("true".equals(System.getenv("CI"))) {
      throw new AssertionError(
          "CI must install Chromium (apt-get install chromium) for this test; none at " + CHROMIUM);
    }
    String why =
        "No Chromium at " + CHROMIUM + ": install Debian's chromium package to run this test";
    System.out.println("Skipped, " + why); // the console says why, not only the XML report
    Assumptions.abort(why);
  }
}
