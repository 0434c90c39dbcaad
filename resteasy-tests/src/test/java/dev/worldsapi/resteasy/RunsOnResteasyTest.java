package dev.worldsapi.resteasy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldsapi.reference.ReferenceServer;
import dev.worldsapi.reference.ServerHost;
import dev.worldsapi.reference.ServerOptions;
import dev.worldsapi.server.StubHost;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The suites this module runs meet RESTEasy and nothing else: a test that passed here on Jersey by
 * accident would prove nothing.
 */
class RunsOnResteasyTest {

  @Test
  void noJerseyIsOnTheClasspath() {
    assertThatThrownBy(
            () -> {
              Class<?> found = Class.forName("org.glassfish.jersey.server.ResourceConfig");
              throw new AssertionError(
                  "Jersey is here, from " + found.getProtectionDomain().getCodeSource());
            })
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void theReferenceServerAndTheRuntimeTestsAreServedByResteasy() throws Exception {
    assertThat(ServerHost.selected()).isInstanceOf(ResteasyHost.class);
    assertThat(StubHost.selected()).isInstanceOf(ResteasyStubHost.class);
    try (ReferenceServer server =
        ReferenceServer.start(
            new ServerOptions(0, "not-a-real-token-3e1f", false, Duration.ZERO))) {
      HttpResponse<String> spec =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + server.port() + "/openapi.yaml"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(spec.statusCode()).isEqualTo(200);
      // Undertow names itself; the JDK's HTTP server, which Jersey runs on here, does not.
      assertThat(Thread.getAllStackTraces().keySet())
          .anyMatch(thread -> thread.getName().startsWith("XNIO"));
    }
  }
}
