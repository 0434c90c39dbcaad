package dev.worldsapi.server;

import dev.worldsapi.server.auth.Caller;
import dev.worldsapi.server.auth.StaticTokenVerifier;
import dev.worldsapi.server.errors.PathBoundsResource;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The runtime around {@link StubJobsApi}, on Jersey's in-memory connector or another Jakarta REST
 * implementation ({@link StubHost}), with every answer checked against the spec before the test
 * sees it.
 */
public final class StubApplication {

  public static final String TOKEN = "not-a-real-token-5b2c";
  public static final String BASE = "api/v1/org/acme/ws/lab/worlds";

  private StubApplication() {}

  /** The runtime's components, as instances, for any Jakarta REST implementation to serve. */
  public static List<Object> components() {
    return List.of(
        new StubJobsApi(),
        new PathBoundsResource(),
        new WorldsServerFeature(
            new StaticTokenVerifier(TOKEN, new Caller("user-1", "Ada")),
            path -> path.equals("public")));
  }

  /**
   * A started server on the {@link StubHost#selected() selected} implementation (Jersey's in-memory
   * connector unless a test run says otherwise); {@link Running#stop()} stops it.
   */
  public static Running start() throws Exception {
    return StubHost.selected().start(components(), new SpecCheckedResponses());
  }

  /** A started application and a client for it. */
  public interface Running {
    /** A target for {@code path}, relative to the application's root. */
    WebTarget target(String path);

    void stop() throws Exception;
  }

  /** A request with the token; {@code path} may end in a query string, sent as written. */
  public static Invocation.Builder authorized(Running server, String path) {
    String[] pathAndQuery = path.split("\\?", 2);
    WebTarget target = server.target(pathAndQuery[0]);
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
