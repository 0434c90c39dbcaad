package dev.worldsapi.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.worldsapi.reference.HttpServerSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

/**
 * The floor for servers: the JDK HTTP server the reference server runs on, with the same settings
 * and executor, answering every request with bytes made in advance. Whatever the reference server
 * costs above this is the API's own work.
 */
public final class CannedServer implements AutoCloseable {

  private final HttpServer http;
  private final ExecutorService executor;

  private CannedServer(HttpServer http, ExecutorService executor) {
    this.http = http;
    this.executor = executor;
  }

  /** Serves {@code body} as JSON for every request. */
  static CannedServer serving(int port, byte[] body) throws IOException {
    return serving(port, query -> body);
  }

  /** Serves the body {@code bodies} makes from each request's query string. */
  static CannedServer serving(int port, Function<String, byte[]> bodies) throws IOException {
    HttpServerSettings.apply();
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    ExecutorService executor = HttpServerSettings.executor();
    http.setExecutor(executor);
    http.createContext(
        "/",
        exchange -> {
          try (exchange) {
            answer(exchange, bodies.apply(exchange.getRequestURI().getRawQuery()));
          }
        });
    http.start();
    return new CannedServer(http, executor);
  }

  private static void answer(HttpExchange exchange, byte[] body) throws IOException {
    exchange.getRequestBody().readAllBytes();
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  int port() {
    return http.getAddress().getPort();
  }

  @Override
  public void close() {
    http.stop(0);
    executor.shutdownNow();
  }

  /** Runs the canned server for the load run: {@code CannedServer <port> <file of the body>}. */
  public static void main(String[] args) throws Exception {
    byte[] body = java.nio.file.Files.readAllBytes(java.nio.file.Path.of(args[1]));
    serving(Integer.parseInt(args[0]), body);
    System.out.println("canned server on port " + args[0]);
    Thread.currentThread().join();
  }
}
