package dev.worldsapi.server;

import dev.worldsapi.server.auth.Caller;
import dev.worldsapi.server.auth.StaticTokenVerifier;
import dev.worldsapi.server.errors.PathBoundsResource;
import jakarta.ws.rs.core.Application;
import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.test.JerseyTest;

/**
 * The runtime around {@link StubJobsApi}, in process (Jersey's in-memory connector), with every
 * answer checked against the spec before the test sees it.
 */
public final class StubApplication {

  public static final String TOKEN = "not-a-real-token-5b2c";
  public static final String BASE = "api/v1/org/acme/ws/lab/worlds";

  private StubApplication() {}

  /** A started server; {@link JerseyTest#tearDown()} stops it. */
  public static JerseyTest start() throws Exception {
    JerseyTest jersey =
        new JerseyTest() {
          @Override
          protected Application configure() {
            return new ResourceConfig()
                .register(new StubJobsApi())
                .register(PathBoundsResource.class)
                .register(
                    new WorldsServerFeature(
                        new StaticTokenVerifier(TOKEN, new Caller("user-1", "Ada")),
                        path -> path.equals("public")));
          }

          @Override
          protected void configureClient(ClientConfig config) {
            config.register(new SpecCheckedResponses());
          }
        };
    jersey.setUp();
    return jersey;
  }
}
