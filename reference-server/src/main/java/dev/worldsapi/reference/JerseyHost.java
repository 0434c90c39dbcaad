package dev.worldsapi.reference;

import com.sun.net.httpserver.HttpServer;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** Jersey on the JDK's HTTP server, with {@link HttpServerSettings}: the reference server's own. */
final class JerseyHost implements ServerHost {

  // Jersey warns that a resource whose @Path sits on its interface "does not implement any
  // provider interfaces", then serves it as a resource all the same: a false alarm on every start.
  private static final java.util.logging.Logger PROVIDER_CHECK =
      java.util.logging.Logger.getLogger("org.glassfish.jersey.internal.inject.Providers");

  static {
    PROVIDER_CHECK.setLevel(java.util.logging.Level.SEVERE);
  }

  @Override
  public String name() {
    return "Jersey";
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
    HttpServer http =
        JdkHttpServerFactory.createHttpServer(
            URI.create("http://" + uriHost(host) + ":" + port + "/"), app, false);
    http.setExecutor(requests);
    http.start();
    return new Running() {
      @Override
      public int port() {
        return http.getAddress().getPort();
      }

      @Override
      public void stop() {
        http.stop(1);
        requests.shutdown();
        try {
          requests.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
  }

  private static String uriHost(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }
}
