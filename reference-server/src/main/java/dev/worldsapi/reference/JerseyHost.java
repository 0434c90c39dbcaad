package dev.worldsapi.reference;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.worldsapi.reference.controls.Faults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.jersey.jdkhttp.JdkHttpHandlerContainer;
import org.glassfish.jersey.server.ContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** Jersey on the JDK's HTTP server, with {@link HttpServerSettings}: the reference server's own. */
final class JerseyHost implements ServerHost {

  // Jersey warns that a resource whose @Path sits on its interface "does not implement any
  // provider interfaces", then serves it as a resource all the same: a false alarm on every start.
  private static final java.util.logging.Logger PROVIDER_CHECK =
      java.util.logging.Logger.getLogger("org.glassfish.jersey.internal.inject.Providers");

  // When a client gives up on a request (its read timeout, a test's delayed answer) and closes the
  // connection, Jersey's container logs a WARNING with a stack trace for the answer it could not
  // send: the client has left, and there is nothing for anyone to act on.
  private static final java.util.logging.Logger CONTAINER =
      java.util.logging.Logger.getLogger("org.glassfish.jersey.jdkhttp.JdkHttpHandlerContainer");

  static {
    PROVIDER_CHECK.setLevel(java.util.logging.Level.SEVERE);
    CONTAINER.setLevel(java.util.logging.Level.SEVERE);
  }

  @Override
  public String name() {
    return "Jersey";
  }

  @Override
  public boolean dropsConnections() {
    return true;
  }

  @Override
  public Running start(String host, int port, List<Object> components) {
    ResourceConfig app =
        new ResourceConfig()
            // Jersey's own WADL and HTML error pages would answer outside the envelope.
            .property(ServerProperties.WADL_FEATURE_DISABLE, true)
            .property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true)
            // A body up to this size goes out with its Content-Length in one piece, not in 8 KiB
            // chunks; the largest page (100 jobs) is about 57 KiB. Allocated per response.
            .property(ServerProperties.OUTBOUND_CONTENT_LENGTH_BUFFER, 64 * 1024);
    components.forEach(app::register);
    ExecutorService requests = HttpServerSettings.executor();
    HttpServerSettings.apply();
    // The server and its context are made here rather than by JdkHttpServerFactory, which keeps
    // the context to itself: the context carries the filter that drops connections.
    JdkHttpHandlerContainer container =
        ContainerFactory.createContainer(JdkHttpHandlerContainer.class, app);
    HttpServer http;
    try {
      http = HttpServer.create(new InetSocketAddress(host, port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
    }
    HttpContext context = http.createContext("/", container);
    InFlight inFlight = new InFlight();
    context.getFilters().add(inFlight);
    context.getFilters().add(new DropConnections());
    http.setExecutor(requests);
    http.start();
    container.getApplicationHandler().onStartup(container);
    return new Running() {
      @Override
      public int port() {
        return http.getAddress().getPort();
      }

      @Override
      public void stop(Duration grace) {
        // The JDK server's stop(delay) closes the listener at once, then waits out the whole
        // delay on Java 17 even with nothing in flight. It runs on a thread of its own; this one
        // returns as soon as no exchange is left, or when the grace is over.
        Thread closing =
            new Thread(
                () -> http.stop((int) Math.max(1, (grace.toMillis() + 999) / 1000)),
                "worlds-http-stop");
        closing.setDaemon(true);
        closing.start();
        long deadline = System.nanoTime() + grace.toNanos();
        try {
          while (inFlight.count() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        container.getApplicationHandler().onShutdown(container);
        // What is still running past the grace is stopped.
        requests.shutdownNow();
        try {
          requests.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
  }

  /**
   * Closes the connection, with no answer, when the application's response carries {@link
   * Faults#DROP_HEADER}: the exchange is closed before any byte of the response is sent, which the
   * JDK's server does by closing the connection.
   */
  private static final class DropConnections extends Filter {

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
      chain.doFilter(new DroppableExchange(exchange));
    }

    @Override
    public String description() {
      return "drops the connection of a response marked " + Faults.DROP_HEADER;
    }
  }

  /** Counts the exchanges being handled, for a stop that waits only as long as one is. */
  private static final class InFlight extends Filter {
    private final AtomicInteger count = new AtomicInteger();

    int count() {
      return count.get();
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
      count.incrementAndGet();
      try {
        chain.doFilter(exchange);
      } finally {
        count.decrementAndGet();
      }
    }

    @Override
    public String description() {
      return "counts the exchanges in flight";
    }
  }
}
