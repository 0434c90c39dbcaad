package dev.worldsapi.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldsapi.reference.controls.Fault;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * {@code --otel-exporter=logging}: each request's span printed as a log line, named after the
 * spec's operation (a request refused before its own checks too), in the trace of the incoming
 * {@code traceparent}; never the token.
 */
class LoggingTracesTest {

  private static final String TOKEN = "not-a-real-token-7r4c";
  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

  @Test
  void eachRequestsSpanIsALogLineInTheCallersTrace() {
    List<String> lines = new CopyOnWriteArrayList<>();
    Logger exporter = Logger.getLogger("io.opentelemetry.exporter.logging.LoggingSpanExporter");
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            lines.add(
                record.getParameters() == null
                    ? record.getMessage()
                    : java.text.MessageFormat.format(record.getMessage(), record.getParameters()));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    exporter.addHandler(capture);
    try (ReferenceServer server =
        ReferenceServer.start(
            new ServerOptions(0, TOKEN, true, Duration.ZERO)
                .withTestMode(true)
                .withTraces(ServerOptions.Traces.LOGGING))) {
      // Refused by a test fault before the request's own checks run: named all the same.
      server.controls().faults().arm(Fault.badGateway(), 1);
      Http.Reply refused = new Http(server.port(), TOKEN).get(Http.JOBS);
      assertThat(refused.status()).isEqualTo(502);
      Http.Reply reply =
          new Http(server.port(), TOKEN)
              .send("GET", Http.JOBS, null, "traceparent", "00-" + TRACE + "-00f067aa0ba902b7-01");
      assertThat(reply.status()).isEqualTo(200);
    } finally {
      exporter.removeHandler(capture);
    }

    assertThat(lines)
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("'list_world_jobs' : " + TRACE)
                    .contains("SERVER")
                    .contains("http.route=/api/v1/org/{org}/ws/{workspace}/worlds/jobs"));
    assertThat(lines)
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("'list_world_jobs' : ")
                    .contains("http.response.status_code=502"));
    assertThat(String.join("\n", lines)).doesNotContain(TOKEN);
  }
}
