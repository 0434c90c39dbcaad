package dev.worldsapi.reference;

import com.sun.net.httpserver.HttpServer;
import dev.worldsapi.server.WorldsServerFeature;
import dev.worldsapi.server.auth.StaticTokenVerifier;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** The reference server: the API in memory, on Jersey and the JDK's HTTP server. */
public final class ReferenceServer implements AutoCloseable {

  private static final Set<String> PUBLIC_PATHS = Set.of("", "openapi.yaml", "docs");
  private final String host;

  // Jersey warns that a resource whose @Path sits on its interface "does not implement any
  // provider interfaces", then serves it as a resource all the same: a false alarm on every start.
  private static final java.util.logging.Logger PROVIDER_CHECK =
      java.util.logging.Logger.getLogger("org.glassfish.jersey.internal.inject.Providers");

  static {
    PROVIDER_CHECK.setLevel(java.util.logging.Level.SEVERE);
  }

  // Millisecond timestamps read better in JSON and sort the same.
  private final Clock clock = Clock.tickMillis(ZoneOffset.UTC);
  private final JobStore store;
  private final SimulatedFailures failures = new SimulatedFailures();
  private final JobWorker worker;
  private final ExecutorService requests;
  private final HttpServer http;

  private ReferenceServer(ServerOptions options) {
    this.store = new JobStore(clock);
    Workspaces workspaces = new Workspaces();
    DemoData.addWorkspaces(workspaces);
    if (options.seed()) {
      DemoData.seedJobs(store, clock.instant());
    }
    this.host = options.host();
    ResourceConfig app =
        new ResourceConfig()
            .register(
                new ReferenceJobsApi(
                    store, workspaces, Map.of(DemoData.DEVELOPER_CALLER.id(), DemoData.DEVELOPER)))
            .register(SpecResource.class)
            .register(DocsResource.class)
            .register(failures)
            .register(
                new WorldsServerFeature(
                    new StaticTokenVerifier(options.token(), DemoData.DEVELOPER_CALLER),
                    path ->
                        PUBLIC_PATHS.contains(path)
                            || path.startsWith("docs/")
                            || (options.testMode() && path.equals(ProviderStatesResource.PATH))))
            // Jersey's own WADL and HTML error pages would answer outside the envelope.
            .property(ServerProperties.WADL_FEATURE_DISABLE, true)
            .property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true)
            // A body up to this size goes out with its Content-Length in one piece, not in 8 KiB
            // chunks; the largest page (100 jobs) is about 57 KiB. Allocated per response.
            .property(ServerProperties.OUTBOUND_CONTENT_LENGTH_BUFFER, 64 * 1024);
    if (options.testMode()) {
      app.register(new ProviderStatesResource(store, failures, options.token(), clock));
    }
    this.requests = HttpServerSettings.executor();
    HttpServerSettings.apply();
    this.http =
        JdkHttpServerFactory.createHttpServer(
            URI.create("http://" + uriHost(options.host()) + ":" + options.port() + "/"),
            app,
            false);
    http.setExecutor(requests);
    this.worker = new JobWorker(store, options.workerStep());
  }

  /** Starts a server; {@link #close()} stops it. */
  public static ReferenceServer start(ServerOptions options) {
    ReferenceServer server = new ReferenceServer(options);
    server.http.start();
    return server;
  }

  /** The address the server listens on, as given ({@code 127.0.0.1} by default). */
  public String host() {
    return host;
  }

  private static String uriHost(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  public int port() {
    return http.getAddress().getPort();
  }

  public JobStore store() {
    return store;
  }

  public JobWorker worker() {
    return worker;
  }

  /** Failures to simulate on the next requests; off by default. */
  public SimulatedFailures failures() {
    return failures;
  }

  /** Forgets every job and simulated failure, then seeds the demo jobs again if asked. */
  public void reset(boolean seed) {
    failures.clear();
    store.clear();
    if (seed) {
      DemoData.seedJobs(store, clock.instant());
    }
  }

  /** Stops accepting requests, lets those in flight finish for up to a second, stops the worker. */
  @Override
  public void close() {
    http.stop(1);
    worker.close();
    requests.shutdown();
    try {
      requests.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
