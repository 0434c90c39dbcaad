import dev.worldsapi.client.WorldsClient;
import dev.worldsapi.client.model.WorldJob;
import dev.worldsapi.testkit.Fault;
import dev.worldsapi.testkit.Operation;
import dev.worldsapi.testkit.ReceivedRequest;
import dev.worldsapi.testkit.TestServer;
import java.util.List;

/**
 * Run under the OpenTelemetry Java agent by .ci/otel-agent-check: one client call whose first
 * attempt meets a 502, against the reference server in this JVM. Prints, for the script to hold
 * against the agent's exported spans, the traceparent header of each request the server received.
 */
public class AgentCheck {
  public static void main(String[] args) {
    try (TestServer server = TestServer.start("not-a-real-token-a93n7", true)) {
      WorldJob existing = server.job().create();
      server.nextRequests(1).to(Operation.GET_WORLD_JOB).with(Fault.badGateway());
      WorldsClient client = server.clientBuilder().maxRetries(2).build();

      WorldJob job = client.jobs().get(existing.id().toString());

      List<ReceivedRequest> received = server.requests(Operation.GET_WORLD_JOB);
      System.out.println("job " + job.id() + " after " + received.size() + " requests");
      for (ReceivedRequest request : received) {
        System.out.println("server saw traceparent: " + request.header("traceparent").orElse("-"));
      }
    }
  }
}
