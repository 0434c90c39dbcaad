package dev.worldsapi.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.worldsapi.reference.controls.Fault;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the reference server's HTTP engine ({@link HttpEngine}) answers on its own, over real
 * sockets: clients that send too slowly or too much cost the server a connection each, never the
 * attention of other clients, and are answered with the envelope (408, 413, 414, 431) and their
 * connection closed; a path it cannot take is a 400 envelope.
 */
class HttpEngineTest {

  private static final String TOKEN = "not-a-real-token-5l0w";
  private static final String JOBS = "/api/v1/org/demo/ws/sandbox/worlds/jobs";
  private static final String MANIFESTS = "/api/v1/org/demo/ws/sandbox/worlds/manifests";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Time limits short enough for a test; the head limit as the server's default. */
  private static final ConnectionLimits SHORT =
      new ConnectionLimits(
          Duration.ofMillis(1000),
          Duration.ofMillis(1000),
          Duration.ofSeconds(30),
          ConnectionLimits.DEFAULTS.maxHeadBytes());

  private static ReferenceServer defaults;
  private static ReferenceServer shortLimits;
  private static final ScheduledExecutorService trickle = Executors.newScheduledThreadPool(2);

  @BeforeAll
  static void start() {
    ServerOptions options =
        new ServerOptions(ServerOptions.DEFAULT_HOST, 0, TOKEN, true, Duration.ZERO, true);
    defaults = ReferenceServer.start(options);
    shortLimits = ReferenceServer.start(options.withConnectionLimits(SHORT));
  }

  @AfterAll
  static void stop() {
    trickle.shutdownNow();
    defaults.close();
    shortLimits.close();
  }

  /**
   * More slow clients than the engine has threads (200): were a thread held for each, a normal
   * request would find none free.
   */
  @Test
  void slowClientsBeyondTheThreadCountDoNotKeepANormalRequestWaiting() throws Exception {
    List<Socket> heads = new ArrayList<>();
    List<Socket> bodies = new ArrayList<>();
    List<Socket> slow = new ArrayList<>();
    try {
      for (int i = 0; i < 40; i++) {
        // A head one header line at a time...
        Socket head = open(defaults);
        send(head, "GET " + JOBS + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        heads.add(head);
      }
      for (int i = 0; i < 220; i++) {
        // ...and a body one byte at a time, both well inside the default limits.
        Socket body = open(defaults);
        send(body, createHead(1000, "keep-alive") + "{");
        bodies.add(body);
      }
      slow.addAll(heads);
      slow.addAll(bodies);
      var sending =
          trickle.scheduleAtFixedRate(
              () -> {
                heads.forEach(socket -> sendQuietly(socket, "X-Slow: 1\r\n"));
                bodies.forEach(socket -> sendQuietly(socket, " "));
              },
              200,
              200,
              TimeUnit.MILLISECONDS);
      try {
        Thread.sleep(500);

        // Answered at all within 5 s (the old server's threads were all held: it never answered),
        // and well before the slow clients' 10 s head limit could have freed anything.
        Http.Reply normal = new Http(defaults.port(), TOKEN).get(JOBS);

        assertThat(normal.status()).isEqualTo(200);
      } finally {
        sending.cancel(true);
      }
      for (Socket socket : slow) {
        socket.setSoTimeout(1);
        assertThat(readsNothingYet(socket)).as("a slow client still waiting").isTrue();
      }
    } finally {
      for (Socket socket : slow) {
        socket.close();
      }
    }
  }

  @Test
  void aHeadSlowerThanItsLimitIsAnswered408AndClosed() throws Exception {
    try (Socket socket = open(shortLimits)) {
      long start = System.nanoTime();
      send(socket, "GET " + JOBS + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
      var sending =
          trickle.scheduleAtFixedRate(
              () -> sendQuietly(socket, "X-Slow: 1\r\n"), 100, 100, TimeUnit.MILLISECONDS);
      try {
        Answer answer = readUntilClosed(socket);

        assertThat(answer.status()).isEqualTo(408);
        assertThat(answer.header("connection")).isEqualTo("close");
        assertThat(answer.json().path("type").asText()).isEqualTo("request_timeout");
        assertThat(answer.json().path("detail").asText()).contains("head").contains("1000 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start))
            .isGreaterThanOrEqualTo(SHORT.headTimeout());
      } finally {
        sending.cancel(true);
      }
    }
  }

  @Test
  void aBodySlowerThanItsLimitIsAnswered408AndClosed() throws Exception {
    try (Socket socket = open(shortLimits)) {
      long start = System.nanoTime();
      send(socket, createHead(1000, "keep-alive") + "{");
      var sending =
          trickle.scheduleAtFixedRate(
              () -> sendQuietly(socket, " "), 100, 100, TimeUnit.MILLISECONDS);
      try {
        Answer answer = readUntilClosed(socket);

        assertThat(answer.status()).isEqualTo(408);
        assertThat(answer.header("connection")).isEqualTo("close");
        assertThat(answer.json().path("type").asText()).isEqualTo("request_timeout");
        assertThat(answer.json().path("code").asInt()).isEqualTo(408);
        assertThat(Duration.ofNanos(System.nanoTime() - start))
            .isGreaterThanOrEqualTo(SHORT.bodyTimeout());
      } finally {
        sending.cancel(true);
      }
    }
  }

  @Test
  void aBodyCutShortIsAnswered400() throws Exception {
    try (Socket socket = open(defaults)) {
      send(socket, createHead(1000, "keep-alive") + "{\"name\": ");
      socket.shutdownOutput(); // the client sends no more

      Answer answer = readUntilClosed(socket);

      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.json().path("detail").asText()).contains("incomplete");
    }
  }

  @Test
  void aWholeBodyTheApplicationReadsLateIsNotTimedOut() throws Exception {
    // The client sent everything at once; the application waits longer than the body limit
    // before reading it. The client is not the slow one.
    shortLimits.controls().faults().arm(Fault.delay(Duration.ofMillis(1800)), 1);
    byte[] body = "{\"name\": \"read late\"}".getBytes(StandardCharsets.UTF_8);
    try (Socket socket = open(shortLimits)) {
      send(socket, createHead(body.length, "close") + new String(body, StandardCharsets.UTF_8));

      Answer answer = readUntilClosed(socket);

      assertThat(answer.status()).isEqualTo(200);
    } finally {
      shortLimits.controls().faults().clear();
    }
  }

  @Test
  void anAnswerSentBeforeItsBodyArrivedSaysTheConnectionCloses() throws Exception {
    try (Socket socket = open(defaults)) {
      // A body over the limit is not gathered: the request is refused (no token) at once, and its
      // body, not sent, is never read. The server cannot read the next request off this
      // connection, and must say so rather than close it later under a client that would send one.
      send(
          socket,
          "POST "
              + MANIFESTS
              + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              + "Content-Length: 2000000\r\n\r\n");

      Answer answer = readUntilClosed(socket);

      assertThat(answer.status()).isEqualTo(401);
      assertThat(answer.header("connection")).isEqualTo("close");
    }
  }

  @Test
  void aStopWhoseGraceRunsOutCutsOffTheRequestStillInFlight() throws Exception {
    ServerOptions options =
        ServerOptions.builder()
            .port(0)
            .token(TOKEN)
            .seed(false)
            .workerStep(Duration.ZERO)
            .maxJobsPerWorkspace(100)
            .shutdownGrace(Duration.ofMillis(300))
            .build();
    ReferenceServer server = ReferenceServer.start(options);
    try (Socket socket = open(server)) {
      // The 100 answer says the server is reading the body; then half a body: the request is in
      // flight until the rest comes, which it never does.
      send(
          socket,
          createHead(1000, "keep-alive").replace("\r\n\r\n", "\r\nExpect: 100-continue\r\n\r\n"));
      assertThat(RawAnswer.readHead(socket.getInputStream())).startsWith("HTTP/1.1 100");
      send(socket, "{");

      long start = System.nanoTime();
      server.close();

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      // Its body can no longer arrive: it is answered so, and its connection closed.
      Answer answer = readUntilClosed(socket);
      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.header("connection")).isEqualTo("close");
    }
  }

  @Test
  void headersLargerThanTheLimitAreAnswered431() throws Exception {
    Answer answer =
        exchange(
            defaults,
            "GET "
                + JOBS
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Large: "
                + "a".repeat(2 * ConnectionLimits.DEFAULTS.maxHeadBytes())
                + "\r\n\r\n");

    assertThat(answer.status()).isEqualTo(431);
    assertThat(answer.json().path("type").asText()).isEqualTo("request_header_fields_too_large");
    assertThat(answer.json().path("code").asInt()).isEqualTo(431);
  }

  @Test
  void tenThousandHeadersAreAnswered431() throws Exception {
    StringBuilder head = new StringBuilder("GET " + JOBS + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    for (int i = 0; i < 10_000; i++) {
      head.append("X-Header-").append(i).append(": v\r\n");
    }

    Answer answer = exchange(defaults, head.append("\r\n").toString());

    assertThat(answer.status()).isEqualTo(431);
    assertThat(answer.header("content-type")).startsWith("application/json");
  }

  @Test
  void aUriLongerThanTheLimitIsAnswered414() throws Exception {
    Answer answer =
        exchange(
            defaults,
            "GET "
                + JOBS
                + "?page="
                + "1".repeat(2 * ConnectionLimits.DEFAULTS.maxHeadBytes())
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

    assertThat(answer.status()).isEqualTo(414);
    assertThat(answer.json().path("type").asText()).isEqualTo("uri_too_long");
  }

  @Test
  void aDeclaredBodyOverTheLimitIsAnswered413AndItsConnectionClosed() throws Exception {
    try (Socket socket = open(defaults)) {
      // Keep-alive asked, and no byte of the 50 MB body sent: the server must not wait for it.
      send(socket, createHead(52_428_800, "keep-alive"));

      Answer answer = readUntilClosed(socket);

      assertThat(answer.status()).isEqualTo(413);
      assertThat(answer.header("connection")).isEqualTo("close");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        // Decodes to a NUL byte.
        JOBS + "/%00",
        // Climbs above the root.
        "/docs/../../etc/passwd"
      })
  void aPathTheEngineCannotTakeIsA400Envelope(String path) throws Exception {
    Answer answer =
        exchange(
            defaults,
            "GET "
                + path
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + TOKEN
                + "\r\nConnection: close\r\n\r\n");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().path("type").asText()).isEqualTo("invalid_request_error");
    assertThat(answer.json().path("code").asInt()).isEqualTo(400);
  }

  private static String createHead(long length, String connection) {
    return "POST "
        + MANIFESTS
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAuthorization: Bearer "
        + TOKEN
        + "\r\nContent-Length: "
        + length
        + "\r\nConnection: "
        + connection
        + "\r\n\r\n";
  }

  private static Socket open(ReferenceServer server) throws IOException {
    Socket socket = new Socket("127.0.0.1", server.port());
    // Far below the 30 s idle limit: an answer that only comes when the server gives up on an
    // idle connection fails the test.
    socket.setSoTimeout(5_000);
    return socket;
  }

  private static void send(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static void sendQuietly(Socket socket, String text) {
    try {
      send(socket, text);
    } catch (IOException closedByTheServer) {
      // The server has answered and closed; the reader sees it.
    }
  }

  private static boolean readsNothingYet(Socket socket) throws IOException {
    try {
      socket.getInputStream().read(); // an answer, or the end of the connection
      return false;
    } catch (java.net.SocketTimeoutException stillWaiting) {
      return true;
    }
  }

  private static Answer exchange(ReferenceServer server, String request) throws IOException {
    try (Socket socket = open(server)) {
      try {
        send(socket, request);
      } catch (IOException answeredAlready) {
        // The server may answer and close before the whole head is sent.
      }
      return readUntilClosed(socket);
    }
  }

  /** Everything the server sends until it closes the connection, within the socket's timeout. */
  private static Answer readUntilClosed(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    return new Answer(
        Integer.parseInt(text.substring(9, 12)), text.substring(0, end), text.substring(end + 4));
  }

  private record Answer(int status, String head, String body) {
    String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
          return line.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
        }
      }
      return null;
    }

    JsonNode json() throws IOException {
      return JSON.readTree(body);
    }
  }
}
