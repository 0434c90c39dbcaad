package dev.worldsapi.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.worldsapi.resteasy.JerseyReferenceProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The protocol sweep's odd, malformed and hostile requests (the rows of {@link ProtocolSweepTest},
 * read from its annotation), sent to the reference server on Jersey and on RESTEasy: the same
 * status, the same {@code Allow}, {@code WWW-Authenticate}, {@code Retry-After} and {@code
 * Content-Type}, and for every failure the same envelope.
 */
class SweepAnswersOnBothTest {

  private static final String TOKEN = "not-a-real-token-4c61";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JerseyReferenceProcess jersey;
  private static ReferenceServer resteasy;

  @TestFactory
  Stream<DynamicTest> everySweepRequestIsAnsweredAlikeByJerseyAndResteasy() throws Exception {
    jersey = JerseyReferenceProcess.start(TOKEN);
    resteasy = ReferenceServer.start(new ServerOptions(0, TOKEN, true, Duration.ZERO));
    Http onJersey = new Http(jersey.port(), TOKEN);
    Http onResteasy = new Http(resteasy.port(), TOKEN);
    String[] rows =
        ProtocolSweepTest.class
            .getDeclaredMethod(
                "everyAnswerIsDeclaredAndEveryFailureIsTheEnvelope",
                String.class,
                String.class,
                String.class,
                String.class,
                int.class)
            .getAnnotation(CsvSource.class)
            .value();
    List<DynamicTest> tests = new ArrayList<>();
    for (String row : rows) {
      String[] cells = row.split("\\|");
      String method = cells[0].strip();
      String path = cells[1].strip();
      String header = cell(cells[2]);
      String body = cell(cells[3]);
      tests.add(
          DynamicTest.dynamicTest(
              method + " " + path + (header == null ? "" : " [" + header + "]"),
              () ->
                  assertAlike(
                      send(onJersey, method, path, header, body),
                      send(onResteasy, method, path, header, body))));
    }
    return tests.stream();
  }

  private static String cell(String text) {
    String value = text.strip();
    return value.equals("-") ? null : value.replace("\\\"", "\"");
  }

  private static Http.Reply send(
      Http http, String method, String path, String header, String body) {
    return header == null
        ? http.send(method, path, body)
        : http.send(method, path, body, header.split(": ", 2)[0], header.split(": ", 2)[1]);
  }

  private static void assertAlike(Http.Reply jersey, Http.Reply resteasy) throws Exception {
    assertThat(resteasy.status()).as("status").isEqualTo(jersey.status());
    for (String header : List.of("Allow", "WWW-Authenticate", "Retry-After", "Content-Type")) {
      assertThat(resteasy.header(header)).as(header).isEqualTo(jersey.header(header));
    }
    if (jersey.status() >= 400) {
      assertThat(JSON.readTree(resteasy.body()))
          .as("envelope")
          .isEqualTo(JSON.readTree(jersey.body()));
    }
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
