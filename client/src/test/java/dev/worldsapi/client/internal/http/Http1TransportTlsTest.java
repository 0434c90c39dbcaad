package dev.worldsapi.client.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default transport over TLS: the certificate and the host name are checked, and an HTTP proxy
 * carries TLS through a {@code CONNECT} tunnel. The server's certificate is made for the test run,
 * for the name {@code localhost} only.
 */
class Http1TransportTlsTest {

  private static final Request.Options OPTIONS =
      new Request.Options(2, TimeUnit.SECONDS, 5, TimeUnit.SECONDS, false);

  private static HttpsServer server;
  private static SSLContext trusting;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    Path store = dir.resolve("server.p12");
    // Generated per run, used only by this loopback test: not a credential.
    char[] storePassword = UUID.randomUUID().toString().toCharArray();
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                new String(storePassword))
            .redirectErrorStream(true)
            .start();
    String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(keytool.waitFor()).as(output).isZero();

    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, storePassword);
    }
    KeyManagerFactory keyManagers =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(keys, storePassword);
    SSLContext serving = SSLContext.getInstance("TLS");
    serving.init(keyManagers.getKeyManagers(), null, null);
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(keys);
    trusting = SSLContext.getInstance("TLS");
    trusting.init(null, trust.getTrustManagers(), null);

    server = HttpsServer.create(new InetSocketAddress(0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(serving));
    server.createContext(
        "/",
        exchange -> {
          byte[] body = ("{\"path\": \"" + exchange.getRequestURI() + "\"}").getBytes();
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  private static Request get(String url) {
    return Request.create(
        Request.HttpMethod.GET, url, Map.of(), null, StandardCharsets.UTF_8, null);
  }

  private static int port() {
    return server.getAddress().getPort();
  }

  @Test
  void aTrustedCertificateForTheHostCarriesTheExchangeAndTheConnectionIsReused()
      throws IOException {
    Http1Transport transport =
        new Http1Transport(Duration.ofSeconds(2), null, trusting.getSocketFactory());

    for (String path : List.of("/one", "/two")) {
      Response response = transport.execute(get("https://localhost:" + port() + path), OPTIONS);
      assertThat(response.status()).isEqualTo(200);
      assertThat(new String(Requests.bodyOf(response), StandardCharsets.UTF_8))
          .isEqualTo("{\"path\": \"" + path + "\"}");
    }
  }

  @Test
  void aCertificateForAnotherNameIsRefused() {
    Http1Transport transport =
        new Http1Transport(Duration.ofSeconds(2), null, trusting.getSocketFactory());

    assertThatThrownBy(() -> transport.execute(get("https://127.0.0.1:" + port() + "/"), OPTIONS))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("127.0.0.1");
  }

  @Test
  void anUntrustedCertificateIsRefusedByTheJvmsDefaultTrust() {
    Http1Transport transport = new Http1Transport(Duration.ofSeconds(2), null);

    assertThatThrownBy(() -> transport.execute(get("https://localhost:" + port() + "/"), OPTIONS))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("certification path");
  }

  @Test
  void anHttpProxyCarriesTlsThroughAConnectTunnel() throws Exception {
    AtomicReference<String> connectLine = new AtomicReference<>();
    try (ServerSocket proxy = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      Thread tunnel = new Thread(() -> tunnelOnce(proxy, connectLine), "test-proxy");
      tunnel.setDaemon(true);
      tunnel.start();
      Http1Transport transport =
          new Http1Transport(
              Duration.ofSeconds(2),
              ProxySelector.of(new InetSocketAddress("127.0.0.1", proxy.getLocalPort())),
              trusting.getSocketFactory());

      Response response =
          transport.execute(get("https://localhost:" + port() + "/tunnelled"), OPTIONS);

      assertThat(response.status()).isEqualTo(200);
      assertThat(connectLine.get()).isEqualTo("CONNECT localhost:" + port() + " HTTP/1.1");
    }
  }

  /** Accepts one CONNECT, answers 200, then copies bytes both ways until either side closes. */
  private static void tunnelOnce(ServerSocket proxy, AtomicReference<String> connectLine) {
    try (Socket client = proxy.accept()) {
      InputStream in = client.getInputStream();
      StringBuilder head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        head.append((char) in.read());
      }
      String line = head.substring(0, head.indexOf("\r\n"));
      connectLine.set(line);
      String[] target = line.split(" ")[1].split(":");
      try (Socket origin = new Socket(target[0], Integer.parseInt(target[1]))) {
        OutputStream out = client.getOutputStream();
        out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        Thread back =
            new Thread(
                () -> {
                  try {
                    origin.getInputStream().transferTo(out);
                  } catch (IOException e) {
                    // One side closed: the tunnel is over.
                  }
                });
        back.setDaemon(true);
        back.start();
        in.transferTo(origin.getOutputStream());
      }
    } catch (IOException e) {
      // One side closed: the tunnel is over.
    }
  }
}
