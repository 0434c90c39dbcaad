package dev.worldsapi.benchmarks;

import dev.worldsapi.reference.ConnectionLimits;
import dev.worldsapi.reference.HttpEngine;
import dev.worldsapi.reference.ServerHost;
import dev.worldsapi.server.json.JsonLimits;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The floor for servers: the HTTP engine the reference server runs on ({@link HttpEngine}, with the
 * same settings), answering every request with bytes made in advance. Whatever the reference server
 * costs above this is the API's own work.
 */
public final class CannedServer implements AutoCloseable {

  private final ServerHost.Running http;

  private CannedServer(ServerHost.Running http) {
    this.http = http;
  }

  /** Serves {@code body} as JSON for every request. */
  static CannedServer serving(int port, byte[] body) {
    return serving(port, query -> body);
  }

  /** Serves the body {@code bodies} makes from each request's query string. */
  static CannedServer serving(int port, Function<String, byte[]> bodies) {
    return new CannedServer(
        HttpEngine.start(
            "127.0.0.1",
            port,
            ConnectionLimits.DEFAULTS,
            JsonLimits.DEFAULT_MAX_BODY_BYTES,
            new Handler.Abstract() {
              @Override
              public boolean handle(Request request, Response response, Callback callback) {
                byte[] body = bodies.apply(request.getHttpURI().getQuery());
                // The request's body, if any, is read and let go, as a real answer would.
                Content.Source.consumeAll(request, Callback.NOOP);
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
                response.write(true, ByteBuffer.wrap(body), callback);
                return true;
              }
            }));
  }

  int port() {
    return http.port();
  }

  @Override
  public void close() {
    http.stop(Duration.ZERO);
  }

  /** Runs the canned server for the load run: {@code CannedServer <port> <file of the body>}. */
  public static void main(String[] args) throws Exception {
    byte[] body = java.nio.file.Files.readAllBytes(java.nio.file.Path.of(args[1]));
    serving(Integer.parseInt(args[0]), body);
    System.out.println("canned server on port " + args[0]);
    Thread.currentThread().join();
  }
}
