package dev.worldsapi.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.Operation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API documentation the build publishes (classifier {@code docs}) is one page that needs
 * nothing else: it loads no script or style from elsewhere, and opened from disk in a browser with
 * no network it shows every path and every operation of the spec, by operationId and summary.
 * (Asserted as booleans: a failure must not print a page of two megabytes.)
 */
class DocsArtifactBrowserTest {

  private static final Path DOCS = Path.of("target/docs/worlds-api-docs.html");

  @Test
  void theDocsPageNeedsNothingElse() throws Exception {
    String page = Files.readString(DOCS, StandardCharsets.UTF_8);

    assertThat(
            Pattern.compile("<(script|link|img)[^>]+(src|href)=\"(https?:)?//")
                .matcher(page)
                .find())
        .as("a script, style or image loaded from elsewhere")
        .isFalse();
  }

  @Test
  void theDocsPageRendersEveryOperationOffline(@TempDir Path work) throws Exception {
    String dom =
        HeadlessChromium.dom(
            DOCS.toAbsolutePath().toUri().toString(), work, Duration.ofSeconds(15));

    PackagedSpec.load()
        .getPaths()
        .forEach(
            (path, item) -> {
              assertThat(dom.contains("data-path=\"" + path + "\""))
                  .as("the page as rendered shows the path %s", path)
                  .isTrue();
              for (Operation operation : item.readOperations()) {
                assertThat(
                        dom.contains("-" + operation.getOperationId() + "\"")
                            && dom.contains(operation.getSummary()))
                    .as(
                        "the page as rendered shows %s (%s)",
                        operation.getOperationId(), operation.getSummary())
                    .isTrue();
              }
            });
  }
}
