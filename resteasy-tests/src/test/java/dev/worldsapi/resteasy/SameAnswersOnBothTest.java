package dev.worldsapi.resteasy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldsapi.conformance.ConformanceCase;
import dev.worldsapi.conformance.ConformanceRunner;
import dev.worldsapi.resteasy.BothImplementations.Answer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every request of the spec-generated conformance suite, sent to the reference application on
 * Jersey and on RESTEasy: the same status, {@code Allow}, {@code WWW-Authenticate}, {@code
 * Retry-After} and {@code Content-Type}, and for every failure the same envelope ({@link
 * BothImplementations#assertAlike}).
 */
class SameAnswersOnBothTest {

  private static final String TOKEN = "not-a-real-token-8a27";

  private static BothImplementations servers;

  @TestFactory
  Stream<DynamicTest> everyCaseIsAnsweredAlikeByJerseyAndResteasy() throws Exception {
    servers = BothImplementations.start(TOKEN);
    ConformanceRunner onJersey = runner(servers.jerseyPort());
    ConformanceRunner onResteasy = runner(servers.resteasyPort());
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
              () -> {
                ConformanceRunner.Result jersey = onJersey.run(jerseyCase);
                ConformanceRunner.Result resteasy = onResteasy.run(resteasyCase);
                BothImplementations.assertAlike(
                    jerseyCase
                        + "\n  Jersey:   "
                        + jersey.curl()
                        + "\n  RESTEasy: "
                        + resteasy.curl(),
                    new Answer(jersey.status(), jersey.headers(), jersey.body()),
                    new Answer(resteasy.status(), resteasy.headers(), resteasy.body()));
              }));
    }
    return tests.stream();
  }

  private static ConformanceRunner runner(int port) {
    return new ConformanceRunner(
        new ConformanceRunner.Target(
            URI.create("http://127.0.0.1:" + port), TOKEN, "demo", "sandbox"));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (servers != null) {
      servers.close();
    }
  }
}
