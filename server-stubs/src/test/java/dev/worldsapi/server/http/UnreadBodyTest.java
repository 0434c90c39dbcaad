package dev.worldsapi.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldsapi.server.StubApplication;
import dev.worldsapi.server.StubServer;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An error answered before the body was read closes the connection, so that a client does not send
 * its next request on a connection the engine is about to close; one answered after reading it
 * keeps the connection.
 */
class UnreadBodyTest {

  private static final String MANIFESTS = StubApplication.BASE + "/manifests";
  @RegisterExtension static final StubServer server = new StubServer();

  @Test
  void aPathNoOperationHasWithABodyClosesTheConnection() {
    Response response =
        server.authorized(StubApplication.BASE + "/manifests/extra").post(Entity.json("{}"));
    assertThat(response.getStatus()).isEqualTo(404);
    assertThat(response.getHeaderString("Connection")).isEqualTo("close");
  }

  @Test
  void aMissingTokenWithABodyClosesTheConnection() {
    Response response = server.target(MANIFESTS).request().post(Entity.json("{}"));
    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(response.getHeaderString("Connection")).isEqualTo("close");
  }

  @Test
  void aBodyReadAndRefusedKeepsTheConnection() {
    Response response = server.authorized(MANIFESTS).post(Entity.json("{\"num_hosts\": \"5\"}"));
    assertThat(response.getStatus()).isEqualTo(422);
    // Undertow says keep-alive; Jersey's in-memory connector says nothing.
    assertThat(String.valueOf(response.getHeaderString("Connection")))
        .isNotEqualToIgnoringCase("close");
  }

  @Test
  void anErrorWithoutABodyKeepsTheConnection() {
    Response response = server.authorized(StubApplication.BASE + "/jobs/extra/path").get();
    assertThat(response.getStatus()).isEqualTo(404);
    // Undertow says keep-alive; Jersey's in-memory connector says nothing.
    assertThat(String.valueOf(response.getHeaderString("Connection")))
        .isNotEqualToIgnoringCase("close");
  }
}
