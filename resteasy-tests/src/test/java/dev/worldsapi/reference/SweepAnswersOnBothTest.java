package dev.worldsapi.reference;

import dev.worldsapi.resteasy.BothImplementations;
import dev.worldsapi.resteasy.BothImplementations.Answer;
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

  private static BothImplementations servers;

  @TestFactory
  Stream<DynamicTest> everySweepRequestIsAnsweredAlikeByJerseyAndResteasy() throws Exception {
    servers = BothImplementations.start(TOKEN);
    Http onJersey = new Http(servers.jerseyPort(), TOKEN);
    Http onResteasy = new Http(servers.resteasyPort(), TOKEN);
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
                  BothImplementations.assertAlike(
                      method + " " + path,
                      answer(send(onJersey, method, path, header, body)),
                      answer(send(onResteasy, method, path, header, body)))));
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

  private static Answer answer(Http.Reply reply) {
    return new Answer(reply.status(), reply.headers(), reply.body());
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (servers != null) {
      servers.close();
    }
  }
}
