package example.provider;

import dev.worldsapi.conformance.ConformanceRunner;
import dev.worldsapi.conformance.ConformanceSuite;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Every case the published conformance suite generates from the spec, against this service. */
class ConformanceTest extends ConformanceSuite {

  private static final String TOKEN = "provider-conformance-token-not-a-secret";
  private static ProviderServer server;

  @BeforeAll
  static void start() {
    server = ProviderServer.start(0, TOKEN, List.of());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Override
  protected ConformanceRunner.Target target() {
    return new ConformanceRunner.Target(
        URI.create("http://127.0.0.1:" + server.port()), TOKEN, "demo", "sandbox");
  }
}
