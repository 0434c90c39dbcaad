package dev.worldsapi.reference;

import dev.worldsapi.server.api.WorldsJobsApi;
import dev.worldsapi.server.auth.CurrentCaller;
import dev.worldsapi.server.errors.WorldsApiException;
import dev.worldsapi.server.model.CreateWorldManifestRequest;
import dev.worldsapi.server.model.CreateWorldTrajectoryRequest;
import dev.worldsapi.server.model.UserIdentity;
import dev.worldsapi.server.model.ValidationError;
import dev.worldsapi.server.model.WorldJob;
import dev.worldsapi.server.model.WorldJobKind;
import dev.worldsapi.server.model.WorldJobList;
import dev.worldsapi.server.model.WorldJobStatus;
import dev.worldsapi.server.model.WorldResourceType;
import dev.worldsapi.server.paging.PageRequest;
import dev.worldsapi.server.paging.Slice;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The reference implementation of the generated interface. No JAX-RS annotations: the interface
 * owns the contract, the server runtime owns errors, auth and JSON.
 */
public final class ReferenceJobsApi implements WorldsJobsApi {

  private final JobStore store;
  private final Workspaces workspaces;
  private final Map<String, UserIdentity> users;

  /**
   * @param users the identity shown as {@code created_by_user}, by caller id
   */
  public ReferenceJobsApi(JobStore store, Workspaces workspaces, Map<String, UserIdentity> users) {
    this.store = store;
    this.workspaces = workspaces;
    this.users = Map.copyOf(users);
  }

  @Override
  public WorldJobList listWorldJobs(
      String org,
      String workspace,
      Integer page,
      Integer pageSize,
      WorldJobKind kind,
      WorldJobStatus status,
      UUID projectId,
      String createdBy) {
    PageRequest request = PageRequest.of(page, pageSize);
    Predicate<WorldJob> filter =
        job ->
            (kind == null || job.getKind() == kind)
                && (status == null || job.getStatus() == status)
                && (projectId == null || projectId.toString().equals(job.getProjectId()))
                && (createdBy == null || createdBy.equals(job.getCreatedBy()));
    return Slice.toJobList(Slice.of(store.list(workspace(org, workspace), filter), request));
  }

  @Override
  public WorldJob getWorldJob(String org, String workspace, String jobId) {
    return store.get(workspace(org, workspace), jobId);
  }

  @Override
  public WorldJob cancelWorldJob(String org, String workspace, String jobId) {
    return store.cancel(workspace(org, workspace), jobId);
  }

  @Override
  public WorldJob createWorldManifest(
      String org, String workspace, CreateWorldManifestRequest request, String idempotencyKey) {
    Workspaces.Key key = workspace(org, workspace);
    boolean fails =
        request.getName() != null && request.getName().toLowerCase(Locale.ROOT).startsWith("fail");
    JobStore.Plan plan =
        new JobStore.Plan(
            WorldJobKind.MANIFEST_GENERATION,
            WorldResourceType.MANIFEST,
            1,
            fails,
            "Manifest generation failed: the requested world could not be laid out");
    return store.create(
        key,
        plan,
        request.getProjectId() == null ? null : request.getProjectId().toString(),
        creator());
  }

  @Override
  public WorldJob createWorldTrajectory(
      String org, String workspace, CreateWorldTrajectoryRequest request, String idempotencyKey) {
    Workspaces.Key key = workspace(org, workspace);
    List<ValidationError> errors = new ArrayList<>();
    if (request.getMode() == CreateWorldTrajectoryRequest.ModeEnum.AGENT) {
      if (isBlank(request.getRuntimeId())) {
        errors.add(
            new ValidationError(
                List.of("body", "runtime_id"), "Field required when mode is agent", "missing"));
      }
      if (isBlank(request.getCapabilityName())) {
        errors.add(
            new ValidationError(
                List.of("body", "capability_name"),
                "Field required when mode is agent",
                "missing"));
      }
    }
    if (!store.hasCompletedManifest(key, request.getManifestId().toString())) {
      errors.add(
          new ValidationError(
              List.of("body", "manifest_id"),
              "No completed manifest " + request.getManifestId() + " in this workspace",
              "manifest_not_found"));
    }
    if (!errors.isEmpty()) {
      throw WorldsApiException.validation(errors);
    }
    int count = Objects.requireNonNullElse(request.getCount(), 1);
    boolean fails =
        request.getGoal() != null && request.getGoal().toLowerCase(Locale.ROOT).startsWith("fail");
    JobStore.Plan plan =
        new JobStore.Plan(
            WorldJobKind.TRAJECTORY_GENERATION,
            count > 1 ? WorldResourceType.TRAJECTORY_BATCH : WorldResourceType.TRAJECTORY,
            count,
            fails,
            "Trajectory generation failed: the goal was not reached");
    return store.create(
        key,
        plan,
        request.getProjectId() == null ? null : request.getProjectId().toString(),
        creator());
  }

  private Workspaces.Key workspace(String org, String workspace) {
    return workspaces.require(org, workspace, CurrentCaller.require());
  }

  private UserIdentity creator() {
    return users.get(CurrentCaller.require().id());
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
