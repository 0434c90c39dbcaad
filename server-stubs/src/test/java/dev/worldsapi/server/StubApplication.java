package dev.worldsapi.server;

import dev.worldsapi.server.auth.Caller;
import dev.worldsapi.server.auth.StaticTokenVerifier;
import dev.worldsapi.server.errors.PathBoundsResource;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
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

  /** A request with the token; {@code path} may end in a query string, sent as written. */
  public static Invocation.Builder authorized(JerseyTest jersey, String path) {
    String[] pathAndQuery = path.split("\\?", 2);
    WebTarget target = jersey.target(pathAndQuery[0]);
    if (pathAndQuery.length == 2) {
      for (String pair : pathAndQuery[1].split("&")) {
        String[] nameAndValue = pair.split("=", 2);
        target = target.queryParam(nameAndValue[0], nameAndValue[1]);
      }
    }
    return target
        .request(MediaType.APPLICATION_JSON_TYPE)
        .header("Authorization", "Bearer " + TOKEN);
  }
}
