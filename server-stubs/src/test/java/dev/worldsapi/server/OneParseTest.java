package dev.worldsapi.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldsapi.server.auth.Caller;
import dev.worldsapi.server.auth.StaticTokenVerifier;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A request body is parsed once: the spec check parses it, and the implementation's argument is
 * bound from that parse. A reader interceptor placed after the runtime's sees every body that goes
 * on to the JSON provider's reader, which would parse it a second time; it sees none.
 */
class OneParseTest {

  private final StubJobsApi jobs = new StubJobsApi();
  private final SecondReads secondReads = new SecondReads();
  private StubApplication.Running server;

  @BeforeEach
  void start() throws Exception {
    server =
        StubHost.selected()
            .start(
                List.of(
                    jobs,
                    secondReads,
                    new WorldsServerFeature(
                        new StaticTokenVerifier(
                            StubApplication.TOKEN, new Caller("user-1", "Ada")))),
                new SpecCheckedResponses());
  }

  @AfterEach
  void stop() throws Exception {
    server.stop();
  }

  @Test
  void aCheckedBodyReachesTheImplementationWithoutASecondParse() {
    Response response =
        StubApplication.authorized(server, StubApplication.BASE + "/manifests")
            .post(
                Entity.json(
                    "{\"name\": \"lab\", \"num_hosts\": 3, \"domains\": [\"a.example\"],"
                        + " \"project_id\": \"0d7b7c1e-4f4a-4b8e-9a3c-5e6f7a8b9c0d\"}"));

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(secondReads.count.get()).isZero();
    assertThat(jobs.lastManifestRequest.getName()).isEqualTo("lab");
    assertThat(jobs.lastManifestRequest.getNumHosts()).isEqualTo(3);
    assertThat(jobs.lastManifestRequest.getDomains()).containsExactly("a.example");
    assertThat(jobs.lastManifestRequest.getProjectId())
        .hasToString("0d7b7c1e-4f4a-4b8e-9a3c-5e6f7a8b9c0d");
  }

  /** Counts the bodies that reach the JSON provider's reader. */
  @Priority(Priorities.USER + 1000)
  public static final class SecondReads implements ReaderInterceptor {
    final AtomicInteger count = new AtomicInteger();

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
      count.incrementAndGet();
      return context.proceed();
    }
  }
}
