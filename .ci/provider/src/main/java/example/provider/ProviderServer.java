package example.provider;

import dev.worldsapi.server.WorldsServerFeature;
import dev.worldsapi.server.auth.Caller;
import dev.worldsapi.server.auth.StaticTokenVerifier;
import dev.worldsapi.server.model.UserIdentity;
import dev.worldsapi.server.model.WorldJobKind;
import dev.worldsapi.server.model.WorldJobStatus;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.jetty.JettyHttpContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The service on Jersey and Jetty: {@link JobsService} and the runtime's {@link
 * WorldsServerFeature}, which brings JSON, the error envelope, bearer authentication, the spec's
 * checks of every request and {@code Idempotency-Key}.
 */
public final class ProviderServer implements AutoCloseable {

  /** The organization and workspace the service starts with. */
  public static final JobStorage.Workspace DEMO = new JobStorage.Workspace("demo", "sandbox");

  /** The one user of this sample, whose token the service is started with. */
  public static final UserIdentity USER =
      new UserIdentity(
              UUID.fromString("5f0c4b5e-3c1a-4c7e-9a55-2b9d3c1e7a10"),
              "developer@example.org",
              "developer")
          .fullName("Demo Developer");

  // Jersey warns that a resource whose @Path sits on its interface "does not implement any
  // provider interfaces", then serves it as a resource all the same.
  private static final Logger PROVIDER_CHECK =
      Logger.getLogger("org.glassfish.jersey.internal.inject.Providers");

  static {
    PROVIDER_CHECK.setLevel(Level.SEVERE);
  }

  private final Server server;
  private final JobStorage storage;

  private ProviderServer(Server server, JobStorage storage) {
    this.server = server;
    this.storage = storage;
  }

  /**
   * Starts the service on {@code port} (0 for any free one) on the loopback interface.
   *
   * @param token the bearer token it accepts, as {@link #USER}
   * @param extra more components to register (the tests add a fault filter)
   */
  public static ProviderServer start(int port, String token, List<Object> extra) {
    JobStorage storage = new JobStorage();
    seed(storage);
    Caller caller = new Caller(USER.getId().toString(), USER.getUsername());
    ResourceConfig app =
        new ResourceConfig()
            // Jersey's WADL would answer outside the spec; without JAXB it warns that it is off.
            .property(ServerProperties.WADL_FEATURE_DISABLE, true)
            .register(new JobsService(storage, Map.of(caller.id(), USER)))
            .register(new WorldsServerFeature(new StaticTokenVerifier(token, caller)));
    extra.forEach(app::register);
    Server server =
        JettyHttpContainerFactory.createServer(
            URI.create("http://127.0.0.1:" + port + "/"), app, false);
    // Jersey's factory takes the port from the URI but not the host: unless told, its connector
    // listens on every interface.
    ((ServerConnector) server.getConnectors()[0]).setHost("127.0.0.1");
    JettyForTheSpec.apply(server);
    try {
      server.start();
    } catch (Exception e) {
      throw new IllegalStateException("cannot listen on port " + port, e);
    }
    return new ProviderServer(server, storage);
  }

  /** The demo workspace for {@link #USER}, with one completed manifest job. */
  public static void seed(JobStorage storage) {
    empty(storage);
    storage.insert(DEMO, WorldJobKind.MANIFEST_GENERATION, WorldJobStatus.COMPLETED, null, USER);
  }

  /** Nothing but the demo workspace for {@link #USER}, with no job in it. */
  public static void empty(JobStorage storage) {
    storage.clear();
    storage.addWorkspace(DEMO, Set.of(USER.getId().toString()));
  }

  public int port() {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  /** The address its listener is bound to, as the operating system reports it. */
  public InetSocketAddress address() throws java.io.IOException {
    ServerConnector connector = (ServerConnector) server.getConnectors()[0];
    return (InetSocketAddress)
        ((java.nio.channels.ServerSocketChannel) connector.getTransport()).getLocalAddress();
  }

  public JobStorage storage() {
    return storage;
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  /** {@code PORT} (default 8080) and {@code WORLDS_TOKEN}, the token to accept. */
  public static void main(String[] args) throws Exception {
    String token = System.getenv("WORLDS_TOKEN");
    if (token == null || token.isBlank()) {
      System.err.println("set WORLDS_TOKEN to the bearer token the service accepts");
      System.exit(2);
    }
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
    ProviderServer server = start(port, token, List.of());
    System.out.println("listening on http://127.0.0.1:" + server.port());
  }
}
