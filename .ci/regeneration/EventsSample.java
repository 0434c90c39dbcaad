import com.sun.net.httpserver.HttpServer;
import dev.worldsapi.client.SampleListJobEventsParams;
import dev.worldsapi.client.RawResponse;
import dev.worldsapi.client.RequestOptions;
import dev.worldsapi.client.WorldsClient;
import dev.worldsapi.client.model.SampleJobEventList;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Calls an operation that was added to a copy of the spec, through every generated form, against
 * a stub on loopback; exits non-zero on the first form that does not answer as the stub did.
 */
public class EventsSample {

  public static void main(String[] args) throws Exception {
    List<String> seen = new ArrayList<>();
    HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    stub.createContext(
        "/",
        exchange -> {
          seen.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI()
                  + " "
                  + exchange.getRequestHeaders().getFirst("X-Sample"));
          byte[] body = "{\"items\": [{\"message\": \"started\"}]}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    stub.start();
    try {
      WorldsClient client =
          WorldsClient.builder()
              .baseUrl("http://127.0.0.1:" + stub.getAddress().getPort())
              .token("sample-token-not-a-secret")
              .workspace("acme", "lab")
              .build();
      SampleListJobEventsParams params = SampleListJobEventsParams.builder().limit(5).build();
      RequestOptions options = RequestOptions.builder().header("X-Sample", "options").build();

      check("plain", client.jobs().sampleListEvents("job-1", params));
      check("options", client.jobs().sampleListEvents("job-1", params, options));
      RawResponse<SampleJobEventList> raw = client.jobs().withRawResponse().sampleListEvents("job-1", params);
      require("raw status", raw.status() == 200 && raw.attempts() == 1);
      check("raw", raw.parse());
      check("async", client.async().jobs().sampleListEvents("job-1", params).get(10, TimeUnit.SECONDS));
      RawResponse<SampleJobEventList> asyncRaw =
          client.async().jobs().withRawResponse().sampleListEvents("job-1", params, options)
              .get(10, TimeUnit.SECONDS);
      require("async raw status", asyncRaw.status() == 200);
      check("async raw", asyncRaw.parse());
      try {
        SampleListJobEventsParams.builder().limit(101);
        require("limit 101 refused", false);
      } catch (IllegalArgumentException refused) {
        System.out.println("bound: " + refused.getMessage());
      }
      require("five requests sent", seen.size() == 5);
      for (String request : seen) {
        require(
            "path and query of " + request,
            request.startsWith("GET /api/v1/org/acme/ws/lab/worlds/jobs/job-1/sample-events?limit=5 "));
      }
      require("options reached the wire", seen.get(1).endsWith(" options") && seen.get(4).endsWith(" options"));
      System.out.println("the added operation answered in every form: " + seen.size() + " requests");
    } finally {
      stub.stop(0);
    }
  }

  private static void check(String form, SampleJobEventList events) {
    require(form, events.items().size() == 1 && "started".equals(events.items().get(0).message()));
    System.out.println(form + ": " + events.items().get(0).message());
  }

  private static void require(String what, boolean holds) {
    if (!holds) {
      System.err.println("FAILED: " + what);
      System.exit(1);
    }
  }
}
