package dev.worldsapi.server;

import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@link StubApplication} for a whole test class: {@code @RegisterExtension static StubServer
 * server = new StubServer();} starts it before the first test and stops it after the last.
 */
public final class StubServer implements BeforeAllCallback, AfterAllCallback {

  private StubApplication.Running server;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    server = StubApplication.start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    server.stop();
  }

  /** A request with the token; {@code path} may end in a query string. */
  public Invocation.Builder authorized(String path) {
    return StubApplication.authorized(server, path);
  }

  public WebTarget target(String path) {
    return server.target(path);
  }
}
