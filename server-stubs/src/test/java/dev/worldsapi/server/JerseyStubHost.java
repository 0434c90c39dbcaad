package dev.worldsapi.server;

import jakarta.ws.rs.client.WebTarget;
import java.util.List;
import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.test.JerseyTest;

/** Jersey, in memory: the runtime tests' own host. */
public final class JerseyStubHost implements StubHost {

  // Jersey warns that a resource whose @Path sits on its interface "does not implement any
  // provider interfaces", then serves it as a resource all the same: a false alarm on every start
  // (the reference server's JerseyHost silences it too).
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
  public StubApplication.Running start(List<Object> components, Object clientFilter)
      throws Exception {
    JerseyTest jersey =
        new JerseyTest() {
          @Override
          protected jakarta.ws.rs.core.Application configure() {
            // No WADL: it answers outside the envelope, and without JAXB it only warns.
            ResourceConfig app =
                new ResourceConfig().property(ServerProperties.WADL_FEATURE_DISABLE, true);
            components.forEach(app::register);
            return app;
          }

          @Override
          protected void configureClient(ClientConfig config) {
            config.register(clientFilter);
          }
        };
    jersey.setUp();
    return new StubApplication.Running() {
      @Override
      public WebTarget target(String path) {
        return jersey.target(path);
      }

      @Override
      public void stop() throws Exception {
        jersey.tearDown();
      }
    };
  }
}
