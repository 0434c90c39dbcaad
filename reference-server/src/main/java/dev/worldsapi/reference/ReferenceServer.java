package dev.worldsapi.reference;

import dev.worldsapi.server.WorldsServerFeature;
import dev.worldsapi.server.auth.StaticTokenVerifier;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The reference server: the API in memory, on Jersey and the JDK's HTTP server by default. */
public final class ReferenceServer implements AutoCloseable {

  private static final Set<String> PUBLIC_PATHS = Set.of("", "openapi.yaml", "docs");
  private final String host;

  // Millisecond timestamps read better in JSON and sort the same.
  private final Clock clock = Clock.tickMillis(ZoneOffset.UTC);
  private final JobStore store;
  private final SimulatedFailures failures = new SimulatedFailures();
  private final JobWorker worker;
  private final ServerHost.Running http;

  private ReferenceServer(ServerOptions options, ServerHost serverHost) {
    this.store = new JobStore(clock);
    Workspaces workspaces = new Workspaces();
    DemoData.addWorkspaces(workspaces);
    if (options.seed()) {
      DemoData.seedJobs(store, clock.instant());
    }
    this.host = options.host();
    List<Object> components = new ArrayList<>();
    components.add(
        new ReferenceJobsApi(
            store, workspaces, Map.of(DemoData.DEVELOPER_CALLER.id(), DemoData.DEVELOPER)));
    components.add(new SpecResource());
    components.add(new DocsResource());
    components.add(failures);
    components.add(
        new WorldsServerFeature(
            new StaticTokenVerifier(options.token(), DemoData.DEVELOPER_CALLER),
            path ->
                PUBLIC_PATHS.contains(path)
                    || path.startsWith("docs/")
                    || (options.testMode() && path.equals(ProviderStatesResource.PATH))));
    if (options.testMode()) {
      components.add(new ProviderStatesResource(store, failures, options.token(), clock));
    }
    this.http = serverHost.start(options.host(), options.port(), components);
    this.worker = new JobWorker(store, options.workerStep());
  }

  /**
   * Starts a server on the {@link ServerHost#selected() selected} host (Jersey unless a test says
   * otherwise); {@link #close()} stops it.
   */
  public static ReferenceServer start(ServerOptions options) {
    return new ReferenceServer(options, ServerHost.selected());
  }

  /** The address the server listens on, as given ({@code 127.0.0.1} by default). */
  public String host() {
    return host;
  }

  public int port() {
    return http.port();
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
    http.stop();
    worker.close();
  }
}
