package dev.worldsapi.contract.provider;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junitsupport.State;
import dev.worldsapi.contract.Contract;
import dev.worldsapi.reference.DemoData;
import dev.worldsapi.reference.JobStore;
import dev.worldsapi.reference.ReferenceServer;
import dev.worldsapi.reference.ServerOptions;
import dev.worldsapi.server.model.WorldJob;
import dev.worldsapi.server.model.WorldJobKind;
import dev.worldsapi.server.model.WorldJobStatus;
import dev.worldsapi.server.model.WorldResourceType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The reference server, started over real HTTP on a free port, and the provider states the consumer
 * pacts name, set up through the server's own code. Each state starts from an empty store, so
 * interactions do not see each other's data.
 */
public abstract class ReferenceServerStates {

  /** The token the server accepts during verification; not a credential. */
  static final String TOKEN = "verification-token-not-a-secret";

  private static final JobStore.Plan MANIFEST =
      new JobStore.Plan(WorldJobKind.MANIFEST_GENERATION, WorldResourceType.MANIFEST, 1, false, "");

  static ReferenceServer server;

  @BeforeAll
  static void startServer() {
    server = ReferenceServer.start(new ServerOptions(0, TOKEN, false, Duration.ZERO));
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void pointAtTheServer(PactVerificationContext context) {
    context.setTarget(new HttpTestTarget("127.0.0.1", server.port()));
  }

  /** Swaps the consumer's placeholder token for the server's; nothing else in a request changes. */
  static void authorize(HttpRequest request) {
    Header authorization = request.getFirstHeader("Authorization");
    if (authorization != null
        && authorization.getValue().equals("Bearer " + Contract.PLACEHOLDER_TOKEN)) {
      request.setHeader("Authorization", "Bearer " + TOKEN);
    }
  }

  @State("40 jobs exist")
  public void seededJobs() {
    server.reset(true);
  }

  @State({
    "no jobs exist",
    "the demo workspace exists",
    "a workspace exists that the caller may not use"
  })
  public void emptyWorkspace() {
    server.reset(false);
  }

  @State("a job exists in project " + Contract.PROJECT_ID)
  public void jobInProject() {
    server.reset(false);
    insert(WorldJobStatus.QUEUED, Contract.PROJECT_ID);
  }

  @State("a queued job exists")
  public Map<String, Object> queuedJob() {
    server.reset(false);
    return Map.of("jobId", insert(WorldJobStatus.QUEUED, null).getId());
  }

  @State("a completed manifest job exists")
  public Map<String, Object> completedJob() {
    server.reset(false);
    return Map.of("jobId", insert(WorldJobStatus.COMPLETED, null).getId());
  }

  @State("a completed manifest exists")
  public Map<String, Object> completedManifest() {
    server.reset(false);
    return Map.of("manifestId", insert(WorldJobStatus.COMPLETED, null).getResourceId());
  }

  @State("the caller is rate limited")
  public void rateLimited() {
    failNext(429);
  }

  @State("the provider fails unexpectedly")
  public void failing() {
    failNext(500);
  }

  @State("a gateway in front of the provider gets no valid answer")
  public void badGateway() {
    failNext(502);
  }

  @State("a gateway in front of the provider times out")
  public void gatewayTimeout() {
    failNext(504);
  }

  private static void failNext(int status) {
    server.reset(false);
    server.failures().failNext(status, Integer.MAX_VALUE);
  }

  private static WorldJob insert(WorldJobStatus status, String projectId) {
    return server
        .store()
        .insert(DemoData.SANDBOX, MANIFEST, status, Instant.now(), DemoData.DEVELOPER, projectId);
  }
}
