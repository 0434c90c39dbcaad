package dev.worldsapi.reference;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * How the reference server sets up the JDK's HTTP server: shared with the benchmarks' canned-bytes
 * server, so that the two differ only in what they answer.
 */
public final class HttpServerSettings {

  private HttpServerSettings() {}

  /**
   * Applies the JVM-wide settings of the JDK's HTTP server, unless the JVM was started with its
   * own; they are read once, when the JVM creates its first such server, so call this before.
   *
   * <ul>
   *   <li>{@code nodelay}: the server writes a response's head and body separately; with Nagle's
   *       algorithm on, the body waits for the client's delayed ACK of the head, about 40 ms on
   *       Linux, on every response.
   *   <li>{@code maxIdleConnections}: above the default 200 idle keep-alive connections the server
   *       closes the ones it accepts next, so load with more connections than that sees resets.
   * </ul>
   */
  public static void apply() {
    setUnlessGiven("sun.net.httpserver.nodelay", "true");
    setUnlessGiven("sun.net.httpserver.maxIdleConnections", "4096");
  }

  private static void setUnlessGiven(String name, String value) {
    if (System.getProperty(name) == null) {
      System.setProperty(name, value);
    }
  }

  /** The thread pool that runs requests. */
  public static ExecutorService executor() {
    return Executors.newFixedThreadPool(
        Math.max(8, Runtime.getRuntime().availableProcessors() * 4),
        runnable -> {
          Thread thread = new Thread(runnable, "worlds-http");
          thread.setDaemon(true);
          return thread;
        });
  }
}
