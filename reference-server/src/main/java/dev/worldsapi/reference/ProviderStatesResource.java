package dev.worldsapi.reference;

import dev.worldsapi.reference.controls.Fault;
import dev.worldsapi.reference.controls.JobFixture;
import dev.worldsapi.reference.controls.Operation;
import dev.worldsapi.reference.controls.TestControls;
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
import java.time.Duration;
import java.util.Arrays;
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
 *   <li>{@code the next request fails}, params {@code status} (429, 500, 502 or 504), {@code
 *       retry_after} (seconds, for 429; default 1), {@code times} (default 1) and {@code operation}
 *       (an {@code operationId}; default any): the next API requests answer that.
 * </ul>
 *
 * <p>Every state is set through the server's {@link TestControls}, the same ones the test kit
 * drives in-process.
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

  private final TestControls controls;

  ProviderStatesResource(TestControls controls) {
    this.controls = controls;
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
    values.put("token", controls.token());
    if ("teardown".equals(body == null ? null : body.get("action"))) {
      return values;
    }
    switch (String.valueOf(state)) {
      case "a workspace exists" -> {
        controls.reset(false);
        values.put("missingJobId", "job-" + UUID.randomUUID());
        values.put("missingManifestId", UUID.randomUUID().toString());
      }
      case "jobs exist" -> values.putAll(jobs(params));
      case "a workspace exists that the caller may not use" -> {
        values.put("workspace", controls.forbiddenWorkspace().workspace());
        values.put("manifestId", UUID.randomUUID().toString());
        values.put(
            "jobId",
            insert(
                    controls.forbiddenWorkspace(),
                    WorldJobKind.MANIFEST_GENERATION,
                    WorldJobStatus.QUEUED,
                    null,
                    controls.caller())
                .getId());
      }
      case "a workspace does not exist" -> {
        values.put("org", "no-such-org-" + UUID.randomUUID().toString().substring(0, 8));
        values.put("jobId", "job-" + UUID.randomUUID());
        values.put("manifestId", UUID.randomUUID().toString());
      }
      case "the next request fails" ->
          controls.faults().arm(fault(params), times(params), operation(params));
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
    String createdBy = text(params, "created_by", controls.caller().getId().toString());
    UserIdentity creator =
        createdBy.equals(controls.caller().getId().toString())
            ? controls.caller()
            : new UserIdentity(uuid("created_by", createdBy), "user@example.org", "user");
    WorldJob first = null;
    for (int i = 0; i < count; i++) {
      WorldJob job = insert(controls.defaultWorkspace(), kind, status, projectId, creator);
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
    return controls.insert(
        new JobFixture(
            workspace,
            kind,
            status,
            manifest ? WorldResourceType.MANIFEST : WorldResourceType.TRAJECTORY,
            1,
            projectId,
            creator,
            controls.clock().instant(),
            status == WorldJobStatus.FAILED,
            (manifest ? "Manifest" : "Trajectory") + " generation failed: set up by a test",
            false));
  }

  private static Fault fault(Map<String, Object> params) {
    int status = integer(params, "status", 500);
    try {
      return status == 429
          ? Fault.rateLimited(Duration.ofSeconds(integer(params, "retry_after", 1)))
          : Fault.status(status);
    } catch (IllegalArgumentException e) {
      throw WorldsApiException.badRequest("Provider state parameter: " + e.getMessage());
    }
  }

  private static int times(Map<String, Object> params) {
    int times = integer(params, "times", 1);
    if (times < 1) {
      throw WorldsApiException.badRequest("Provider state parameter times must be 1 or more");
    }
    return times;
  }

  private static Operation operation(Map<String, Object> params) {
    String id = text(params, "operation", null);
    if (id == null) {
      return null;
    }
    return Arrays.stream(Operation.values())
        .filter(o -> o.operationId().equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                WorldsApiException.badRequest(
                    "Provider state parameter operation must be an operationId of the spec, got \""
                        + id
                        + "\""));
  }

  private static UUID uuid(String name, String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw WorldsApiException.badRequest(
          "Provider state parameter " + name + " must be a UUID, got \"" + value + "\"");
    }
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
