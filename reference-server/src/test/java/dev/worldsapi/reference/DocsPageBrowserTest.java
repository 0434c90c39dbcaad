package dev.worldsapi.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldsapi.spec.HeadlessChromium;
import dev.worldsapi.spec.PackagedSpec;
import io.swagger.v3.oas.models.Operation;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads {@code /docs} in headless Chromium: Swagger UI must have loaded the spec from the server
 * and listed every path and operation of the spec.
 */
class DocsPageBrowserTest {

  @Test
  void docsPageListsEveryOperation(@TempDir Path work) throws Exception {
    try (ReferenceServer server =
        ReferenceServer.start(
            new ServerOptions(0, "not-a-real-token-d0c5", false, Duration.ZERO))) {
      String page =
          HeadlessChromium.dom(
              "http://127.0.0.1:" + server.port() + "/docs", work, Duration.ofSeconds(15));

      assertThat(page).contains("swagger-ui");
      PackagedSpec.load()
          .getPaths()
          .forEach(
              (path, item) -> {
                assertThat(page).contains("data-path=\"" + path + "\"");
                for (Operation operation : item.readOperations()) {
                  assertThat(page).contains(operation.getSummary());
                }
              });
    }
  }
}
