package dev.worldsapi.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runtime's read limits, over real sockets: a body over the limit is refused with a 413
 * envelope without being read past the limit (a declared length at once, before a byte of the body
 * is sent; a chunked body when it gets there), and JSON that breaks a read limit is refused with a
 * sentence naming the limit.
 */
class RequestLimitsTest {

  private static final String TOKEN = "not-a-real-token-11m1";
  private static final String MANIFESTS = "/api/v1/org/demo/ws/sandbox/worlds/manifests";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int LIMIT = 4096;

  private static ReferenceServer defaults;
  private static ReferenceServer small;

  @BeforeAll
  static void start() {
    defaults =
        ReferenceServer.start(
            new ServerOptions(ServerOptions.DEFAULT_HOST, 0, TOKEN, false, Duration.ZERO, false));
    small =
        ReferenceServer.start(
            new ServerOptions(ServerOptions.DEFAULT_HOST, 0, TOKEN, false, Duration.ZERO, false)
                .withMaxRequestBodyBytes(LIMIT));
  }

  @AfterAll
  static void stop() {
    defaults.close();
    small.close();
  }

  @Test
  void aDeclaredLengthOverTheLimitIsRefusedBeforeAByteOfTheBodyIsSent() throws IOException {
    Answer answer = exchange(defaults, head(52_428_800, true), new byte[0]);

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.json().path("type").asText()).isEqualTo("payload_too_large");
    assertThat(answer.json().path("detail").asText())
        .contains("Content-Length 52428800")
        .contains("limit of 1048576 bytes");
  }

  @Test
  void aChunkedBodyIsRefusedWhenItPassesTheLimit() throws IOException {
    byte[] body =
        ("{\"name\": \"" + "x".repeat(2 * LIMIT) + "\"}").getBytes(StandardCharsets.UTF_8);

    Answer answer = exchange(small, chunkedHead(), chunked(body, 1024));

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.json().path("detail").asText()).contains("limit of " + LIMIT + " bytes");
  }

  @Test
  void aBodyUnderTheLimitIsReadAsEver() throws IOException {
    // Near the limit, and valid: whitespace between tokens, which no bound of the spec limits.
    byte[] body =
        ("{\"name\": \"lab\"" + " ".repeat(LIMIT - 100) + "}").getBytes(StandardCharsets.UTF_8);

    Answer answer = exchange(small, head(body.length, true), body);

    assertThat(answer.status()).isEqualTo(200);
  }

  @Test
  void anUnauthenticatedRequestIsRefusedFirstAndItsBodyNotRead() throws IOException {
    Answer answer = exchange(defaults, head(52_428_800, false), new byte[0]);

    assertThat(answer.status()).isEqualTo(401);
  }

  @Test
  void jsonNestedDeeperThanTheLimitIsRefusedNamingTheLimit() throws IOException {
    byte[] body =
        ("{\"domains\": " + "[".repeat(1001) + "]".repeat(1001) + "}")
            .getBytes(StandardCharsets.UTF_8);

    Answer answer = exchange(defaults, head(body.length, true), body);

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.json().at("/errors/0/msg").asText())
        .isEqualTo("JSON decode error: JSON nesting deeper than 1000 levels");
  }

  @Test
  void aNumberLongerThanTheLimitIsRefusedNamingTheLimit() throws IOException {
    byte[] body = ("{\"seed\": " + "1".repeat(1001) + "}").getBytes(StandardCharsets.UTF_8);

    Answer answer = exchange(defaults, head(body.length, true), body);

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.json().at("/errors/0/msg").asText())
        .isEqualTo("JSON decode error: a JSON number longer than 1000 characters");
  }

  private static String head(long length, boolean authenticated) {
    return "POST "
        + MANIFESTS
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + (authenticated ? "Authorization: Bearer " + TOKEN + "\r\n" : "")
        + "Content-Length: "
        + length
        + "\r\nConnection: close\r\n\r\n";
  }

  private static String chunkedHead() {
    return "POST "
        + MANIFESTS
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAuthorization: Bearer "
        + TOKEN
        + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
  }

  private static byte[] chunked(byte[] body, int size) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int at = 0; at < body.length; at += size) {
      int n = Math.min(size, body.length - at);
      out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body, at, n);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  record Answer(int status, String body) {
    JsonNode json() throws IOException {
      return JSON.readTree(body);
    }
  }

  /** Sends the head and what there is of the body, then reads the answer within 10 s. */
  private static Answer exchange(ReferenceServer server, String head, byte[] body)
      throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      try {
        out.write(body);
        out.flush();
      } catch (IOException answeredAlready) {
        // The server may answer and close before the rest is sent; the answer is still there.
      }
      String text = RawAnswer.read(socket.getInputStream());
      int status = Integer.parseInt(text.substring(9, 12));
      int start = text.indexOf("\r\n\r\n");
      String rest = start < 0 ? "" : text.substring(start + 4);
      if (text.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
        rest = RawAnswer.unchunk(rest);
      }
      return new Answer(status, rest);
    }
  }
}
