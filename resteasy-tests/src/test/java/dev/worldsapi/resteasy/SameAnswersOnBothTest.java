package dev.worldsapi.resteasy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.worldsapi.conformance.ConformanceCase;
import dev.worldsapi.conformance.ConformanceRunner;
import dev.worldsapi.reference.ReferenceServer;
import dev.worldsapi.reference.ServerOptions;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every request of the spec-generated conformance suite, sent to the reference application on
 * Jersey and on RESTEasy: the status, the {@code Allow}, {@code WWW-Authenticate}, {@code
 * Retry-After} and {@code Content-Type} headers and, for every failure, the whole envelope must be
 * the same on both. Jersey runs from the reference server's own jar in a process of its own (the
 * two implementations cannot share a classpath); RESTEasy runs here.
 */
class SameAnswersOnBothTest {

  private static final String TOKEN = "not-a-real-token-8a27";
  private static final List<String> COMPARED_HEADERS =
      List.of("allow", "www-authenticate", "retry-after", "content-type");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JerseyReferenceProcess jersey;
  private static ReferenceServer resteasy;

  @TestFactory
  Stream<DynamicTest> everyCaseIsAnsweredAlikeByJerseyAndResteasy() throws Exception {
    jersey = JerseyReferenceProcess.start(TOKEN);
    int jerseyPort = jersey.port();
    resteasy = ReferenceServer.start(new ServerOptions(0, TOKEN, true, Duration.ZERO));
    ConformanceRunner onJersey = runner(jerseyPort);
    ConformanceRunner onResteasy = runner(resteasy.port());
    List<ConformanceCase> jerseyCases = onJersey.cases();
    List<ConformanceCase> resteasyCases = onResteasy.cases();
    assertThat(resteasyCases).hasSameSizeAs(jerseyCases);

    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < jerseyCases.size(); i++) {
      ConformanceCase jerseyCase = jerseyCases.get(i);
      ConformanceCase resteasyCase = resteasyCases.get(i);
      tests.add(
          DynamicTest.dynamicTest(
              jerseyCase.toString(),
              () ->
                  assertAlike(jerseyCase, onJersey.run(jerseyCase), onResteasy.run(resteasyCase))));
    }
    return tests.stream();
  }

  private static void assertAlike(
      ConformanceCase c, ConformanceRunner.Result jersey, ConformanceRunner.Result resteasy)
      throws IOException {
    String where = c + "\n  Jersey:   " + jersey.curl() + "\n  RESTEasy: " + resteasy.curl();
    assertThat(resteasy.status()).as("status of " + where).isEqualTo(jersey.status());
    for (String header : COMPARED_HEADERS) {
      assertThat(values(resteasy.headers(), header))
          .as(header + " of " + where)
          .isEqualTo(values(jersey.headers(), header));
    }
    if (jersey.status() >= 400) {
      assertThat(JSON.readTree(resteasy.body()))
          .as("envelope of " + where)
          .isEqualTo(JSON.readTree(jersey.body()));
    }
  }

  /** A header's values as sent, the name matched without regard to case. */
  private static List<String> values(Map<String, List<String>> headers, String name) {
    List<String> values = new ArrayList<>();
    headers.forEach(
        (key, list) -> {
          if (key.equalsIgnoreCase(name)) {
            values.addAll(list);
          }
        });
    return values;
  }

  private static ConformanceRunner runner(int port) {
    return new ConformanceRunner(
        new ConformanceRunner.Target(
            URI.create("http://127.0.0.1:" + port), TOKEN, "demo", "sandbox"));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (resteasy != null) {
      resteasy.close();
    }
    if (jersey != null) {
      jersey.close();
    }
  }
}
