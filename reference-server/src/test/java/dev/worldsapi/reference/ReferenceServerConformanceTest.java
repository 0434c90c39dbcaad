package dev.worldsapi.reference;

import dev.worldsapi.conformance.ConformanceRunner;
import dev.worldsapi.conformance.ConformanceSuite;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;

/**
 * The reference server against the cases generated from the spec, over HTTP, with the demo data and
 * a frozen worker (a new job stays queued, so every case that cancels one may).
 */
class ReferenceServerConformanceTest extends ConformanceSuite {

  private static final String TOKEN = "not-a-real-token-71d4";
  private static ReferenceServer server;

  @Override
  protected ConformanceRunner.Target target() {
    server = ReferenceServer.start(new ServerOptions(0, TOKEN, true, Duration.ZERO));
    return new ConformanceRunner.Target(
        URI.create("http://127.0.0.1:" + server.port()), TOKEN, "demo", "sandbox");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }
}
