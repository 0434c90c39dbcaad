package dev.worldsapi.server.idempotency.jdbc;

import dev.worldsapi.server.WorldsServerFeature;
import dev.worldsapi.server.api.WorldsJobsApi;
import dev.worldsapi.server.auth.Caller;
import dev.worldsapi.server.auth.StaticTokenVerifier;
import dev.worldsapi.server.idempotency.IdempotencyStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.jetty.JettyHttpContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * One instance of a service of the tests: its own Jersey application on Jetty, on a free port of
 * the loopback interface, with the runtime and the given idempotency store.
 */
final class ServiceInstance implements AutoCloseable {

  static final String TOKEN = "idempotency-test-token-not-a-secret";
  static final String MANIFESTS = "/api/v1/org/demo/ws/sandbox/worlds/manifests";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  // Jersey warns that a resource whose @Path sits on its interface "does not implement any
  // provider interfaces", then serves it as a resource all the same.
  private static final java.util.logging.Logger PROVIDER_CHECK =
      java.util.logging.Logger.getLogger("org.glassfish.jersey.internal.inject.Providers");

  static {
    PROVIDER_CHECK.setLevel(java.util.logging.Level.SEVERE);
  }

  private final Server server;
  private final URI uri;

  private ServiceInstance(Server server) {
    this.server = server;
    this.uri =
        URI.create(
            "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
  }

  static ServiceInstance start(WorldsJobsApi api, IdempotencyStore store) {
    ResourceConfig app =
        new ResourceConfig()
            // Without JAXB, Jersey would warn that its WADL is disabled; no one asks for it.
            .property(ServerProperties.WADL_FEATURE_DISABLE, true)
            .register(api)
            .register(
                new WorldsServerFeature(
                    new StaticTokenVerifier(TOKEN, new Caller("user-1", "User One")),
                    path -> false,
                    store));
    Server server =
        JettyHttpContainerFactory.createServer(URI.create("http://127.0.0.1:0/"), app, false);
    // Jersey's factory takes the port from the URI but not the host: unless told, its connector
    // listens on every interface.
    ((ServerConnector) server.getConnectors()[0]).setHost("127.0.0.1");
    try {
      server.start();
    } catch (Exception e) {
      throw new IllegalStateException("the test service did not start", e);
    }
    return new ServiceInstance(server);
  }

  URI uri() {
    return uri;
  }

  /** A create of a manifest with {@code key} and {@code body}. */
  HttpRequest create(String key, String body) {
    return HttpRequest.newBuilder(uri.resolve(MANIFESTS))
        .header("Authorization", "Bearer " + TOKEN)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", key)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  static HttpResponse<String> send(HttpRequest request) throws Exception {
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  static java.util.concurrent.CompletableFuture<HttpResponse<String>> sendAsync(
      HttpRequest request) {
    return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
