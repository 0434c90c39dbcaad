package dev.worldsapi.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldsapi.client.WorldsClient;
import dev.worldsapi.client.model.CreateWorldManifestRequest;
import dev.worldsapi.client.model.WorldJob;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real client and the real server across a connection that is reset after the server acted: the
 * client retries the create with the same {@code Idempotency-Key}, and exactly one job exists.
 */
class IdempotentCreateTest {

  private static final String TOKEN = "not-a-real-token-4c21";

  private ReferenceServer server;
  private ResettingProxy proxy;

  @BeforeEach
  void start() throws IOException {
    server = ReferenceServer.start(new ServerOptions(0, TOKEN, false, Duration.ZERO));
    proxy = new ResettingProxy(server.port());
  }

  @AfterEach
  void stop() throws IOException {
    proxy.close();
    server.close();
  }

  @Test
  void aCreateRetriedAfterAResetOnceTheServerActedLeavesExactlyOneJob() {
    WorldsClient client =
        WorldsClient.builder()
            .baseUrl("http://127.0.0.1:" + proxy.port())
            .token(TOKEN)
            .workspace(DemoData.ORG, DemoData.WORKSPACE)
            .retryPolicy(
                dev.worldsapi.client.retry.RetryPolicy.builder()
                    .maxRetries(2)
                    .initialBackoff(Duration.ofMillis(1))
                    .build())
            .build();

    WorldJob job =
        client.manifests().create(CreateWorldManifestRequest.builder().name("lab").build());

    assertThat(proxy.requests()).as("requests that reached the server").isEqualTo(2);
    assertThat(server.store().list(DemoData.SANDBOX, j -> true))
        .singleElement()
        .satisfies(only -> assertThat(only.getId()).isEqualTo(job.id()));
  }

  /**
   * Relays each request to the server; for the first, reads the server's whole answer and then
   * resets the client's connection instead of relaying it, as a failing network would.
   */
  private static final class ResettingProxy implements AutoCloseable {

    private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final AtomicInteger requests = new AtomicInteger();
    private final Thread acceptor;

    ResettingProxy(int serverPort) throws IOException {
      acceptor =
          new Thread(
              () -> {
                while (!socket.isClosed()) {
                  try (Socket client = socket.accept()) {
                    relay(client, serverPort, requests.incrementAndGet() == 1);
                  } catch (IOException closedOrReset) {
                    // The next connection, or the end of the test.
                  }
                }
              },
              "resetting-proxy");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    int requests() {
      return requests.get();
    }

    private static void relay(Socket client, int serverPort, boolean reset) throws IOException {
      byte[] request = readRequest(client.getInputStream());
      try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), serverPort)) {
        upstream.getOutputStream().write(request);
        upstream.getOutputStream().flush();
        byte[] answer = upstream.getInputStream().readAllBytes();
        if (reset) {
          client.setSoLinger(true, 0);
          return;
        }
        OutputStream out = client.getOutputStream();
        out.write(answer);
        out.flush();
      }
    }

    /** The request's head, with {@code Connection: close} so the answer ends at EOF, and body. */
    private static byte[] readRequest(InputStream in) throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          throw new IOException("the client closed before its request ended");
        }
        head.write(b);
      }
      String text = head.toString(StandardCharsets.ISO_8859_1);
      int length = 0;
      for (String line : text.split("\r\n")) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
          length = Integer.parseInt(line.substring("content-length:".length()).strip());
        }
      }
      byte[] body = in.readNBytes(length);
      String closing = text.substring(0, text.length() - 2) + "Connection: close\r\n\r\n";
      ByteArrayOutputStream request = new ByteArrayOutputStream();
      request.write(closing.getBytes(StandardCharsets.ISO_8859_1));
      request.write(body);
      return request.toByteArray();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
