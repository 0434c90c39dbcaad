package example.provider;

import au.com.dius.pact.provider.IHttpClientFactory;
import au.com.dius.pact.provider.IProviderInfo;
import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.worldsapi.server.model.UserIdentity;
import dev.worldsapi.server.model.WorldJob;
import dev.worldsapi.server.model.WorldJobKind;
import dev.worldsapi.server.model.WorldJobStatus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The client's pacts, from the published artifact (unpacked to {@code target/pacts} by the build),
 * verified against this service over HTTP. Each provider state sets the service's own storage up
 * and answers the values the interaction's request takes ({@code org}, {@code workspace}, {@code
 * token}, {@code jobId}, ...).
 */
@Provider("worlds-api")
@PactFolder("target/pacts")
class PactVerificationTest {

  private static final String TOKEN = "provider-pact-token-not-a-secret";
  private static final NextRequestFails faults = new NextRequestFails();
  private static ProviderServer server;

  @BeforeAll
  static void start() {
    server = ProviderServer.start(0, TOKEN, List.of(faults));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @BeforeEach
  void pointAtTheService(PactVerificationContext context) {
    // Apache HttpClient under Pact JVM retries a 429 after its Retry-After by default, and would
    // verify the rate-limit interactions against the retry's answer.
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

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void honoursTheClientsPacts(PactVerificationContext context) {
    context.verifyInteraction();
  }

  @State("a workspace exists")
  public Map<String, Object> aWorkspace() {
    faults.disarm();
    ProviderServer.empty(server.storage());
    Map<String, Object> values = values();
    values.put("missingJobId", "job-" + UUID.randomUUID());
    values.put("missingManifestId", UUID.randomUUID().toString());
    return values;
  }

  @State("jobs exist")
  public Map<String, Object> jobs(Map<String, Object> params) {
    int count = Integer.parseInt(String.valueOf(params.getOrDefault("count", 1)));
    WorldJobKind kind =
        WorldJobKind.fromValue(String.valueOf(params.getOrDefault("kind", "manifest_generation")));
    WorldJobStatus status =
        WorldJobStatus.fromValue(String.valueOf(params.getOrDefault("status", "queued")));
    String projectId = (String) params.get("project_id");
    WorldJob first = null;
    for (int i = 0; i < count; i++) {
      WorldJob job =
          server.storage().insert(ProviderServer.DEMO, kind, status, projectId, ProviderServer.USER);
      first = first == null ? job : first;
    }
    Map<String, Object> values = values();
    values.put("jobId", first.getId());
    if (first.getResourceId() != null) {
      values.put("manifestId", first.getResourceId());
    }
    if (projectId != null) {
      values.put("projectId", projectId);
    }
    values.put("createdBy", ProviderServer.USER.getId().toString());
    return values;
  }

  @State("a workspace exists that the caller may not use")
  public Map<String, Object> aForbiddenWorkspace() {
    JobStorage.Workspace forbidden = new JobStorage.Workspace("demo", "restricted");
    UserIdentity owner =
        new UserIdentity(UUID.randomUUID(), "owner@example.org", "owner").fullName("Owner");
    server.storage().addWorkspace(forbidden, Set.of(owner.getId().toString()));
    WorldJob job =
        server
            .storage()
            .insert(
                forbidden,
                WorldJobKind.MANIFEST_GENERATION,
                WorldJobStatus.QUEUED,
                null,
                owner);
    Map<String, Object> values = values();
    values.put("workspace", forbidden.name());
    values.put("jobId", job.getId());
    values.put("manifestId", UUID.randomUUID().toString());
    return values;
  }

  @State("a workspace does not exist")
  public Map<String, Object> noWorkspace() {
    Map<String, Object> values = values();
    values.put("org", "no-such-org-" + UUID.randomUUID().toString().substring(0, 8));
    values.put("jobId", "job-" + UUID.randomUUID());
    values.put("manifestId", UUID.randomUUID().toString());
    return values;
  }

  @State("the next request fails")
  public Map<String, Object> theNextRequestFails(Map<String, Object> params) {
    int status = Integer.parseInt(String.valueOf(params.getOrDefault("status", 500)));
    long retryAfter = Long.parseLong(String.valueOf(params.getOrDefault("retry_after", 1)));
    faults.arm(status, Duration.ofSeconds(retryAfter));
    return values();
  }

  private static Map<String, Object> values() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("org", ProviderServer.DEMO.org());
    values.put("workspace", ProviderServer.DEMO.name());
    values.put("token", TOKEN);
    return values;
  }
}
