package dev.worldsapi.client.internal.http;

import static dev.worldsapi.client.ScriptedServer.json;
import static dev.worldsapi.client.ScriptedServer.raw;
import static dev.worldsapi.client.ScriptedServer.rawThenClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldsapi.client.ScriptedServer;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The default transport's HTTP/1.1, byte for byte, against a server scripted at the socket. */
class Http1TransportTest {

  private final ScriptedServer server = new ScriptedServer();
  private final Http1Transport transport = new Http1Transport(Duration.ofSeconds(2), null);
  private final Request.Options options =
      new Request.Options(2, TimeUnit.SECONDS, 2, TimeUnit.SECONDS, false);

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  private Request get(String path) {
    return Request.create(
        Request.HttpMethod.GET,
        server.baseUrl() + path,
        Map.of("Accept", List.of("application/json")),
        null,
        StandardCharsets.UTF_8,
        null);
  }

  private static String body(Response response) throws IOException {
    return new String(Requests.bodyOf(response), StandardCharsets.UTF_8);
  }

  @Test
  void aGetCarriesHostAndNoContentLengthAndAPostCarriesItsLength() throws IOException {
    server.then(json("{}"), json("{}"));
    transport.execute(get("/a?b=c%20d"), options);
    transport.execute(
        Request.create(
            Request.HttpMethod.POST,
            server.baseUrl() + "/p",
            Map.of("Content-Type", List.of("application/json"), "Content-Length", List.of("99")),
            "{\"x\":1}".getBytes(StandardCharsets.UTF_8),
            StandardCharsets.UTF_8,
            null),
        options);

    ScriptedServer.Received first = server.received().get(0);
    assertThat(first.requestLine()).isEqualTo("GET /a?b=c%20d HTTP/1.1");
    assertThat(first.header("Host")).isEqualTo("127.0.0.1:" + server.port());
    assertThat(first.header("Content-Length")).isNull();
    ScriptedServer.Received second = server.received().get(1);
    assertThat(second.header("Content-Length")).isEqualTo("7");
    assertThat(new String(second.body(), StandardCharsets.UTF_8)).isEqualTo("{\"x\":1}");
  }

  @Test
  void aChunkedBodyWithExtensionsAndTrailersIsJoined() throws IOException {
    server.then(
        raw(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "4;note=x\r\n{\"a\"\r\n3\r\n: 1\r\n1\r\n}\r\n0\r\nX-Trailer: t\r\n\r\n"),
        json("{\"next\": true}"));

    assertThat(body(transport.execute(get("/"), options))).isEqualTo("{\"a\": 1}");
    assertThat(body(transport.execute(get("/"), options))).isEqualTo("{\"next\": true}");
    assertThat(server.connections()).isEqualTo(1);
  }

  @Test
  void interimResponsesAreSkipped() throws IOException {
    server.then(
        raw(
            "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </x>\r\n\r\n"
                + "HTTP/1.1 202 Accepted\r\nContent-Length: 2\r\n\r\n{}"));

    Response response = transport.execute(get("/"), options);

    assertThat(response.status()).isEqualTo(202);
    assertThat(body(response)).isEqualTo("{}");
  }

  @Test
  void aBodyWithoutALengthEndsWhereTheConnectionDoes() throws IOException {
    server.then(
        rawThenClose("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html>bad gateway"));

    assertThat(body(transport.execute(get("/"), options))).isEqualTo("<html>bad gateway");
  }

  @Test
  void headAndNoContentResponsesHaveNoBodyAndKeepTheConnection() throws IOException {
    server.then(raw("HTTP/1.1 204 No Content\r\n\r\n"), json("{}"));

    assertThat(Requests.bodyOf(transport.execute(get("/"), options))).isEmpty();
    assertThat(body(transport.execute(get("/"), options))).isEqualTo("{}");
    assertThat(server.connections()).isEqualTo(1);
  }

  @Test
  void aConnectionTheServerAsksToCloseIsNotReused() throws IOException {
    server.then(
        rawThenClose("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}"),
        json("{}"));

    transport.execute(get("/"), options);
    transport.execute(get("/"), options);

    assertThat(server.connections()).isEqualTo(2);
    assertThat(server.received()).hasSize(2);
  }

  @Test
  void aResponseFramedBothWaysIsReadByItsChunksAndItsConnectionNotReused() throws IOException {
    server.then(
        raw(
            "HTTP/1.1 200 OK\r\nContent-Length: 100\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "2\r\n{}\r\n0\r\n\r\n"),
        json("{\"next\": true}"));

    assertThat(body(transport.execute(get("/"), options))).isEqualTo("{}");
    assertThat(body(transport.execute(get("/"), options))).isEqualTo("{\"next\": true}");
    assertThat(server.connections()).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "<html><body>502 Bad Gateway</body></html>\r\n\r\n",
        "HTTP/2 200\r\n\r\n",
        "HTTP/1.1 2000 OK\r\n\r\n",
        "HTTP/1.1 200 OK\r\nBad Header\r\n\r\n",
        "HTTP/1.1 200 OK\r\n folded: no\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 2, 3\r\n\r\n{}",
        "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n{}",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        "HTTP/1.1 101 Switching Protocols\r\n\r\n"
      })
  void aMalformedResponseIsAnIoFailureThatSaysWhatIsWrong(String response) {
    server.then(rawThenClose(response));

    assertThatThrownBy(() -> transport.execute(get("/"), options))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("malformed response");
  }

  @Test
  void aBodyShorterThanItsLengthIsAFailureNamingBoth() {
    server.then(rawThenClose("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{\"a\""));

    assertThatThrownBy(() -> transport.execute(get("/"), options))
        .isInstanceOf(IOException.class)
        .hasMessage("the connection closed after 4 of the response's 10 bytes");
  }

  @Test
  void aHeadLargerThanTheLimitIsRefused() {
    server.then(
        rawThenClose(
            "HTTP/1.1 200 OK\r\nX-Big: "
                + "a".repeat(Http1Connection.MAX_HEAD_BYTES)
                + "\r\n\r\n"));

    assertThatThrownBy(() -> transport.execute(get("/"), options))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("a head longer than " + Http1Connection.MAX_HEAD_BYTES + " bytes");
  }

  @Test
  void aServerThatNeverAnswersIsATimeoutOfTheWholeResponse() {
    server.then(
        (socket, out) -> {
          out.write(
              "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{".getBytes(StandardCharsets.UTF_8));
          out.flush();
          try {
            Thread.sleep(3_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return false;
        });
    Request.Options short_ =
        new Request.Options(2, TimeUnit.SECONDS, 300, TimeUnit.MILLISECONDS, false);

    assertThatThrownBy(() -> transport.execute(get("/"), short_))
        .isInstanceOf(HttpTimeoutException.class)
        .hasMessage("no complete response within the read timeout of 300 ms");
  }

  @Test
  void throughAnHttpProxyAPlainRequestNamesItsOriginInTheRequestLine() throws IOException {
    server.then(json("{}"));
    Http1Transport proxied =
        new Http1Transport(
            Duration.ofSeconds(2),
            ProxySelector.of(new java.net.InetSocketAddress("127.0.0.1", server.port())));

    proxied.execute(
        Request.create(
            Request.HttpMethod.GET,
            "http://worlds.invalid:8443/api/v1/x",
            Map.of(),
            null,
            StandardCharsets.UTF_8,
            null),
        options);

    assertThat(server.received().get(0).requestLine())
        .isEqualTo("GET http://worlds.invalid:8443/api/v1/x HTTP/1.1");
    assertThat(server.received().get(0).header("Host")).isEqualTo("worlds.invalid:8443");
  }

  @Test
  void headerValuesWithLineBreaksAreRefusedBeforeAnythingIsSent() {
    Request injected =
        Request.create(
            Request.HttpMethod.GET,
            server.baseUrl() + "/",
            Map.of("X-Note", List.of("a\r\nX-Injected: 1")),
            null,
            StandardCharsets.UTF_8,
            null);

    assertThatThrownBy(() -> transport.execute(injected, options))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("X-Note");
    assertThat(server.connections()).isZero();
  }
}
