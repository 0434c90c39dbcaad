package dev.worldsapi.server;

import jakarta.ws.rs.client.WebTarget;
import java.util.List;
import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.test.JerseyTest;

/** Jersey, in memory: the runtime tests' own host. */
public final class JerseyStubHost implements StubHost {
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
            ResourceConfig app = new ResourceConfig();
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
