package dev.worldsapi.reference;

import dev.worldsapi.reference.controls.Faults;
import dev.worldsapi.reference.controls.RequestJournal;
import dev.worldsapi.reference.controls.TestControls;
import dev.worldsapi.server.WorldsServerFeature;
import dev.worldsapi.server.auth.StaticTokenVerifier;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The reference server: the API in memory, on Jersey and Jetty by default. */
public final class ReferenceServer implements AutoCloseable {

  private static final Set<String> PUBLIC_PATHS = Set.of("", "openapi.yaml", "docs");
  private final String host;
  private final boolean testMode;
  private final JobStore store;
  private final TestControls controls;
  private final JobWorker worker;
  private final ServerHost.Running http;

  private final java.time.Duration shutdownGrace;
  private final AutoCloseable traces;

  private ReferenceServer(ServerOptions options, Clock clock, ServerHost serverHost) {
    this.store = new JobStore(clock, options.maxJobsPerWorkspace());
    Workspaces workspaces = new Workspaces();
    DemoData.addWorkspaces(workspaces);
    if (options.seed()) {
      DemoData.seedJobs(store, clock.instant());
    }
    this.host = options.host();
    this.shutdownGrace = options.shutdownGrace();
    this.testMode = options.testMode();
    this.worker = new JobWorker(store, options.workerStep());
    Faults faults = new Faults(serverHost.dropsConnections());
    RequestJournal journal = new RequestJournal();
    this.controls =
        new TestControls(store, workspaces, faults, journal, worker, clock, options.token());
    List<Object> components = new ArrayList<>();
    components.add(
        new ReferenceJobsApi(
            store, workspaces, Map.of(DemoData.DEVELOPER_CALLER.id(), DemoData.DEVELOPER)));
    components.add(new SpecResource());
    components.add(new DocsResource());
    WorldsServerFeature feature =
        new WorldsServerFeature(
                new StaticTokenVerifier(options.token(), DemoData.DEVELOPER_CALLER),
                path ->
                    PUBLIC_PATHS.contains(path)
                        || path.startsWith("docs/")
                        || (options.testMode() && path.equals(ProviderStatesResource.PATH)))
            .withMaxRequestBodyBytes(options.maxRequestBodyBytes());
    if (options.rateLimit() != null) {
      feature = feature.withRateLimit(options.rateLimit(), clock);
    }
    if (options.traces() == ServerOptions.Traces.LOGGING) {
      AutoCloseable sdk = LoggingTraces.start();
      this.traces = sdk;
      feature = feature.withOpenTelemetry(sdk);
    } else {
      this.traces = () -> {};
    }
    components.add(feature);
    if (options.testMode()) {
      components.add(faults);
      components.add(journal);
      components.add(new ProviderStatesResource(controls));
    }
    this.http = serverHost.start(options, components);
  }

  /**
   * Starts a server on the {@link ServerHost#selected() selected} host (Jersey on Jetty unless a
   * provider of another is on the classpath); {@link #close()} stops it.
   */
  public static ReferenceServer start(ServerOptions options) {
    // Millisecond timestamps read better in JSON and sort the same.
    return start(options, Clock.tickMillis(ZoneOffset.UTC));
  }

  /** As {@link #start(ServerOptions)}, with job times from {@code clock}. */
  public static ReferenceServer start(ServerOptions options, Clock clock) {
    return start(options, clock, ServerHost.selected());
  }

  /** As {@link #start(ServerOptions, Clock)}, on {@code host}. */
  public static ReferenceServer start(ServerOptions options, Clock clock, ServerHost host) {
    return new ReferenceServer(options, clock, host);
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

  /**
   * The test controls: data, faults, received requests, the worker.
   *
   * @throws IllegalStateException unless the server runs in test mode ({@link
   *     ServerOptions#testMode()}), the only mode that arms faults and remembers requests
   */
  public TestControls controls() {
    if (!testMode) {
      throw new IllegalStateException("the test controls need test mode (--test-mode)");
    }
    return controls;
  }

  /** Forgets every job and armed fault, then seeds the demo jobs again if asked. */
  public void reset(boolean seed) {
    controls.reset(seed);
  }

  /**
   * Stops accepting requests, lets those in flight finish for up to the options' shutdown grace,
   * stops the worker.
   */
  @Override
  public void close() {
    controls.faults().clear();
    http.stop(shutdownGrace);
    worker.close();
    try {
      traces.close();
    } catch (Exception e) {
      throw new IllegalStateException("the traces' exporter did not stop cleanly", e);
    }
  }
}
