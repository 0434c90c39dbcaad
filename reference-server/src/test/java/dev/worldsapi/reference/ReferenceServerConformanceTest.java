package dev.worldsapi.reference;

import dev.worldsapi.conformance.ConformanceRunner;
import dev.worldsapi.conformance.ConformanceSuite;
import dev.worldsapi.server.ratelimit.RateLimit;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;

/**
 * The reference server against the cases generated from the spec, over HTTP, with the demo data and
 * a frozen worker (a new job stays queued, so every case that cancels one may); and a second one
 * with a rate limit, against the limit's check.
 */
class ReferenceServerConformanceTest extends ConformanceSuite {

  private static final String TOKEN = "not-a-real-token-71d4";
  private static ReferenceServer server;
  private static ReferenceServer limited;

  @Override
  protected ConformanceRunner.Target target() {
    server = ReferenceServer.start(new ServerOptions(0, TOKEN, true, Duration.ZERO));
    return new ConformanceRunner.Target(
        URI.create("http://127.0.0.1:" + server.port()), TOKEN, "demo", "sandbox");
  }

  /** Jetty answers a head past the options' limit with 414 and 431; other hosts may not. */
  @Override
  protected OptionalInt requestHeadLimit() {
    return ServerHost.selected().answersHeadLimits()
        ? OptionalInt.of(ConnectionLimits.DEFAULTS.maxHeadBytes())
        : OptionalInt.empty();
  }

  /** A second instance with {@code --rate-limit=3/600}, for the rate limit's check. */
  @Override
  protected Optional<RateLimited> rateLimited() {
    limited =
        ReferenceServer.start(
            ServerOptions.builder()
                .port(0)
                .token(TOKEN)
                .workerStep(Duration.ZERO)
                .rateLimit(RateLimit.parse("3/600"))
                .build());
    return Optional.of(
        new RateLimited(
            new ConformanceRunner.Target(
                URI.create("http://127.0.0.1:" + limited.port()), TOKEN, "demo", "sandbox"),
            3));
  }

  @AfterAll
  static void stop() {
    for (ReferenceServer each : new ReferenceServer[] {server, limited}) {
      if (each != null) {
        each.close();
      }
    }
  }
}
