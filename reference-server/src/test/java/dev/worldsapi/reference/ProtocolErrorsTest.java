package dev.worldsapi.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Requests the HTTP engine refuses before the application sees them, sent as raw bytes: each is
 * answered with its status and the envelope, a {@code detail} that names what to fix rather than
 * the parser's words ("Bad Request", "Illegal character CNTL=0x1"), and {@code Connection: close},
 * since the engine reads nothing more on that connection.
 */
class ProtocolErrorsTest {

  private static final String TOKEN = "not-a-real-token-5b0e";
  private static final String JOBS = "/api/v1/org/demo/ws/sandbox/worlds/jobs";
  private static ReferenceServer server;

  @BeforeAll
  static void start() {
    server = ReferenceServer.start(new ServerOptions(0, TOKEN, true, Duration.ZERO));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest(name = "{0} → {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a control character in a header value | X-Note: a\\u0001b | 400 | Malformed header: a header"
            + " holds a control character (0x01)",
        "a space in a header name | Bad Header: b | 400 | Malformed header: a header holds a space",
        "an escape decoding to NUL in the path | /a%00b | 400 | Malformed path: a percent-escape"
            + " decodes to a control character (such as %00)",
        "an invalid escape in the path | /a%zzb | 400 | Malformed path: an invalid percent-escape",
        "a cut-short escape in the path | /a%2 | 400 | Malformed path: an invalid percent-escape",
        "an invalid escape in the query | ?a=%zz | 400 | Malformed query: an invalid"
            + " percent-escape",
        "a control character in the request line | /a\\u0001b | 400 | Malformed request line: it"
            + " holds a control character (0x01)",
        "a request line over the head limit | ?padding=LONG | 414 | URI too long: the request line"
            + " is over the limit of 16384 bytes",
        "headers over the head limit | X-Padding: LONG | 431 | Request header fields too large:"
            + " the request line and headers are over the limit of 16384 bytes",
      })
  void isAnsweredWithTheEnvelopeAndADetailThatSaysWhatToFix(
      String what, String part, int status, String detail) throws IOException {
    String target = JOBS;
    String header = "";
    String value = part.replace("\\u0001", "\u0001").replace("LONG", "a".repeat(20_000));
    if (value.startsWith("/")) {
      target = JOBS + value;
    } else if (value.startsWith("?")) {
      target = JOBS + value;
    } else {
      header = value + "\r\n";
    }
    String answer =
        exchange(
            "GET "
                + target
                + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + TOKEN
                + "\r\n"
                + header
                + "Connection: close\r\n\r\n");

    assertThat(answer).as(what).startsWith("HTTP/1.1 " + status + " ");
    assertThat(answer.substring(0, answer.indexOf("\r\n\r\n")))
        .as("%s: the connection is not reused, and the client is told", what)
        .containsIgnoringCase("\r\nConnection: close");
    JsonNode envelope =
        new ObjectMapper().readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
    assertThat(envelope.path("code").asInt()).isEqualTo(status);
    assertThat(envelope.path("detail").asText()).startsWith(detail);
  }

  private static String exchange(String request) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return RawAnswer.read(socket.getInputStream());
    }
  }
}
