package dev.worldsapi.reference;

import dev.worldsapi.server.errors.WorldsApiException;
import dev.worldsapi.server.model.UserIdentity;
import dev.worldsapi.server.model.WorldJob;
import dev.worldsapi.server.model.WorldJobKind;
import dev.worldsapi.server.model.WorldJobStatus;
import dev.worldsapi.server.model.WorldResourceType;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Pact's provider-state endpoint, served only in test mode ({@code --test-mode}): {@code POST
 * /_pact/provider-states} with {@code {"state": ..., "params": {...}, "action": "setup" |
 * "teardown"}} sets the server up for one interaction and answers the values the interaction's
 * request takes from the state ({@code org}, {@code workspace}, {@code token}, {@code jobId}, ...).
 * Any Pact verifier reaches it over HTTP. The states, and what each answers besides {@code org},
 * {@code workspace} and {@code token}:
 *
 * <ul>
 *   <li>{@code a workspace exists}: an empty workspace the token may use; {@code missingJobId},
 *       {@code missingManifestId}: ids that exist nowhere.
 *   <li>{@code jobs exist}, params {@code count} (default 1), {@code kind}, {@code status}, {@code
 *       project_id}, {@code created_by} (a user id): that many jobs, added to the workspace; {@code
 *       jobId}, {@code manifestId} (a completed manifest job's resource), {@code projectId}, {@code
 *       createdBy} of the first.
 *   <li>{@code a workspace exists that the caller may not use}: that workspace, with a job in it
 *       ({@code jobId}); {@code manifestId}: any id.
 *   <li>{@code a workspace does not exist}: an organization and workspace that do not exist; {@code
 *       jobId}, {@code manifestId}: any ids.
 *   <li>{@code the next request fails}, params {@code status} (429 or 500) and {@code retry_after}
 *       (seconds, for 429; default 1): the next API request answers that.
 * </ul>
 *
 * <p>Teardown does nothing: every interaction starts from {@code a workspace exists}, which empties
 * the store.
 */
@Path("_pact/provider-states")
public final class ProviderStatesResource {

  /** The path the bearer filter lets through in test mode. */
  public static final String PATH = "_pact/provider-states";

  static final List<String> STATES =
      List.of(
          "a workspace exists",
          "jobs exist",
          "a workspace exists that the caller may not use",
          "a workspace does not exist",
          "the next request fails");

  private static final Workspaces.Key RESTRICTED =
      new Workspaces.Key(DemoData.ORG, DemoData.RESTRICTED_WORKSPACE);

  private final JobStore store;
  private final SimulatedFailures failures;
  private final String token;
  private final Clock clock;

  ProviderStatesResource(JobStore store, SimulatedFailures failures, String token, Clock clock) {
    this.store = store;
    this.failures = failures;
    this.token = token;
    this.clock = clock;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> change(Map<String, Object> body) {
    Object state = body == null ? null : body.get("state");
    Map<String, Object> params = params(body);
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("org", DemoData.ORG);
    values.put("workspace", DemoData.WORKSPACE);
    values.put("token", token);
    if ("teardown".equals(body == null ? null : body.get("action"))) {
      return values;
    }
    switch (String.valueOf(state)) {
      case "a workspace exists" -> {
        failures.clear();
        store.clear();
        values.put("missingJobId", "job-" + UUID.randomUUID());
        values.put("missingManifestId", UUID.randomUUID().toString());
      }
      case "jobs exist" -> values.putAll(jobs(params));
      case "a workspace exists that the caller may not use" -> {
        values.put("workspace", RESTRICTED.workspace());
        values.put("manifestId", UUID.randomUUID().toString());
        values.put(
            "jobId",
            insert(
                    RESTRICTED,
                    WorldJobKind.MANIFEST_GENERATION,
                    WorldJobStatus.QUEUED,
                    null,
                    DemoData.DEVELOPER)
                .getId());
      }
      case "a workspace does not exist" -> {
        values.put("org", "no-such-org-" + UUID.randomUUID().toString().substring(0, 8));
        values.put("jobId", "job-" + UUID.randomUUID());
        values.put("manifestId", UUID.randomUUID().toString());
      }
      case "the next request fails" -> {
        int status = integer(params, "status", 500);
        failures.failNext(status, 1, Duration.ofSeconds(integer(params, "retry_after", 1)));
      }
      default ->
          throw WorldsApiException.badRequest(
              "Unknown provider state \"" + state + "\"; known: " + String.join(", ", STATES));
    }
    return values;
  }

  private Map<String, Object> jobs(Map<String, Object> params) {
    int count = integer(params, "count", 1);
    WorldJobKind kind;
    WorldJobStatus status;
    try {
      kind = WorldJobKind.fromValue(text(params, "kind", "manifest_generation"));
      status = WorldJobStatus.fromValue(text(params, "status", "queued"));
    } catch (IllegalArgumentException e) {
      throw WorldsApiException.badRequest("Provider state parameter: " + e.getMessage());
    }
    String projectId = text(params, "project_id", null);
    String createdBy = text(params, "created_by", DemoData.DEVELOPER.getId().toString());
    UserIdentity creator =
        createdBy.equals(DemoData.DEVELOPER.getId().toString())
            ? DemoData.DEVELOPER
            : new UserIdentity(UUID.fromString(createdBy), "user@example.org", "user");
    WorldJob first = null;
    for (int i = 0; i < count; i++) {
      WorldJob job = insert(DemoData.SANDBOX, kind, status, projectId, creator);
      first = first == null ? job : first;
    }
    Map<String, Object> values = new LinkedHashMap<>();
    if (first != null) {
      values.put("jobId", first.getId());
      if (first.getResourceId() != null) {
        values.put("manifestId", first.getResourceId());
      }
    }
    if (projectId != null) {
      values.put("projectId", projectId);
    }
    values.put("createdBy", createdBy);
    return values;
  }

  private WorldJob insert(
      Workspaces.Key workspace,
      WorldJobKind kind,
      WorldJobStatus status,
      String projectId,
      UserIdentity creator) {
    boolean manifest = kind == WorldJobKind.MANIFEST_GENERATION;
    JobStore.Plan plan =
        new JobStore.Plan(
            kind,
            manifest ? WorldResourceType.MANIFEST : WorldResourceType.TRAJECTORY,
            1,
            status == WorldJobStatus.FAILED,
            (manifest ? "Manifest" : "Trajectory") + " generation failed: set up by a test");
    Instant now = clock.instant();
    return store.insert(workspace, plan, status, now, creator, projectId);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> params(Map<String, Object> body) {
    Object params = body == null ? null : body.get("params");
    return params instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  private static int integer(Map<String, Object> params, String name, int otherwise) {
    Object value = params.get(name);
    if (value == null) {
      return otherwise;
    }
    try {
      return value instanceof Number number
          ? number.intValue()
          : Integer.parseInt(value.toString());
    } catch (NumberFormatException e) {
      throw WorldsApiException.badRequest(
          "Provider state parameter " + name + " must be a whole number");
    }
  }

  private static String text(Map<String, Object> params, String name, String otherwise) {
    Object value = params.get(name);
    return value == null ? otherwise : value.toString();
  }
}
