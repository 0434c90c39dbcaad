package dev.worldsapi.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reading the seeded reference server over real HTTP. Nothing here changes its state, so one server
 * serves all.
 */
class ReferenceServerListingTest {

  private static final String TOKEN = "not-a-real-token-8a4d";

  private static ReferenceServer server;
  private static Http http;

  @BeforeAll
  static void start() {
    server = ReferenceServer.start(new ServerOptions(0, TOKEN, true, Duration.ZERO));
    http = new Http(server.port(), TOKEN);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void seedsJobsOfBothKindsInEveryStatus() {
    JsonNode all = http.get(Http.JOBS + "?page_size=100").json();

    assertThat(all.get("total").asInt()).isEqualTo(DemoData.SEEDED_JOBS);
    for (String kind : List.of("manifest_generation", "trajectory_generation")) {
      for (String status : List.of("queued", "running", "completed", "failed", "cancelled")) {
        assertThat(
                http.get(Http.JOBS + "?kind=" + kind + "&status=" + status)
                    .json()
                    .get("total")
                    .asInt())
            .as("%s %s", kind, status)
            .isEqualTo(4);
      }
    }
  }

  @ParameterizedTest(name = "page {0} of size {1}: {2} items")
  @CsvSource({
    "1, 20,  20",
    "2, 20,  20",
    "3, 20,  0",
    "4, 13,  1",
    "5, 13,  0",
    "1, 100, 40",
    "1, 1,   1",
    "40, 1,  1",
    "41, 1,  0",
  })
  void pagesExactlyAsSpecified(int page, int pageSize, int items) {
    JsonNode list = http.get(Http.JOBS + "?page=" + page + "&page_size=" + pageSize).json();

    assertThat(list.get("items")).hasSize(items);
    assertThat(list.get("total").asInt()).isEqualTo(DemoData.SEEDED_JOBS);
    assertThat(list.get("page").asInt()).isEqualTo(page);
    assertThat(list.get("page_size").asInt()).isEqualTo(pageSize);
  }

  @Test
  void defaultPageIsTheFirst20() {
    JsonNode list = http.get(Http.JOBS).json();

    assertThat(list.get("page").asInt()).isEqualTo(1);
    assertThat(list.get("page_size").asInt()).isEqualTo(20);
    assertThat(list.get("items")).hasSize(20);
  }

  @Test
  void unknownWorkspaceIs404AndAForeignOneIs403() {
    Http.Reply unknown = http.get("/api/v1/org/demo/ws/nowhere/worlds/jobs");
    Http.Reply foreign = http.get("/api/v1/org/demo/ws/restricted/worlds/jobs");

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("type").asText()).isEqualTo("not_found_error");
    assertThat(foreign.status()).isEqualTo(403);
    assertThat(foreign.json().get("type").asText()).isEqualTo("permission_error");
  }

  @Test
  void servesTheSpecAndTheDocsWithoutAToken() {
    Http anonymous = new Http(server.port(), null);

    Http.Reply spec = anonymous.get("/openapi.yaml");
    Http.Reply docs = anonymous.get("/docs");
    Http.Reply bundle = anonymous.get("/docs/swagger-ui-bundle.js");
    Http.Reply root = anonymous.get("/");

    assertThat(spec.status()).isEqualTo(200);
    assertThat(spec.body()).startsWith("openapi: 3.0.3").contains("list_world_jobs");
    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.header("Content-Type")).startsWith("text/html");
    assertThat(docs.body()).contains("SwaggerUIBundle", "/openapi.yaml");
    assertThat(bundle.status()).isEqualTo(200);
    assertThat(root.status()).isEqualTo(303);
    assertThat(root.header("Location")).endsWith("/docs");
    assertThat(anonymous.get(Http.JOBS).status()).isEqualTo(401);
  }
}
