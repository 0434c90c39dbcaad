package dev.worldsapi.contract.provider;

import au.com.dius.pact.provider.IHttpClientFactory;
import au.com.dius.pact.provider.IProviderInfo;
import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junitsupport.State;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.worldsapi.reference.ReferenceServer;
import dev.worldsapi.reference.ServerOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The reference server in test mode, over real HTTP on a free port, and the pacts' provider states
 * set up exactly as a verifier in another language sets them up: by {@code POST
 * /_pact/provider-states} with the state's name and parameters. The values the server answers (its
 * ids, workspace and token) fill the interaction's request. Nothing reaches into the server's
 * objects, and nothing in a request is rewritten.
 */
public abstract class ReferenceServerStates {

  /** The token the server accepts during verification; not a credential. */
  static final String TOKEN = "verification-token-not-a-secret";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  static ReferenceServer server;

  @BeforeAll
  static void startServer() {
    server =
        ReferenceServer.start(new ServerOptions(0, TOKEN, false, Duration.ZERO).withTestMode(true));
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void pointAtTheServer(PactVerificationContext context) {
    // Apache HttpClient, under Pact JVM, retries a 429 once after its Retry-After by default, and
    // would verify the rate-limit interactions against the retry's answer.
    context.setTarget(
        new HttpTestTarget(
            "127.0.0.1",
            server.port(),
            "/",
            () ->
                new IHttpClientFactory() {
                  @Override
                  public CloseableHttpClient newClient(IProviderInfo provider) {
                    return HttpClients.custom()
                        .disableAutomaticRetries()
                        .disableRedirectHandling()
                        .build();
                  }
                }));
  }

  @State("a workspace exists")
  public Map<String, Object> aWorkspace(Map<String, Object> params) {
    return setUp("a workspace exists", params);
  }

  @State("jobs exist")
  public Map<String, Object> jobs(Map<String, Object> params) {
    return setUp("jobs exist", params);
  }

  @State("a workspace exists that the caller may not use")
  public Map<String, Object> forbiddenWorkspace(Map<String, Object> params) {
    return setUp("a workspace exists that the caller may not use", params);
  }

  @State("a workspace does not exist")
  public Map<String, Object> missingWorkspace(Map<String, Object> params) {
    return setUp("a workspace does not exist", params);
  }

  @State("the next request fails")
  public Map<String, Object> failing(Map<String, Object> params) {
    return setUp("the next request fails", params);
  }

  /** Pact's state-change request, as every verifier sends it; the answer is the state's values. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> setUp(String state, Map<String, Object> params) {
    try {
      String body =
          JSON.writeValueAsString(Map.of("state", state, "params", params, "action", "setup"));
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + server.port() + "/_pact/provider-states"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "provider state \"" + state + "\": " + response.statusCode() + " " + response.body());
      }
      return JSON.readValue(response.body(), Map.class);
    } catch (IOException e) {
      throw new IllegalStateException("provider state \"" + state + "\" failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
