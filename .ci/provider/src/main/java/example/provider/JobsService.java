package example.provider;

import dev.worldsapi.server.api.WorldsJobsApi;
import dev.worldsapi.server.auth.Caller;
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
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The service: the generated interface implemented over {@link JobStorage}. By the time a method
 * runs, the runtime has authenticated the caller and checked every parameter and body against the
 * spec; what is left is the service's own rules (who may use a workspace, which manifests exist).
 */
public final class JobsService implements WorldsJobsApi {

  private final JobStorage storage;
  private final Map<String, UserIdentity> users;

  /**
   * @param users the identity shown as {@code created_by_user}, by caller id
   */
  public JobsService(JobStorage storage, Map<String, UserIdentity> users) {
    this.storage = storage;
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
    JobStorage.Workspace where = workspace(org, workspace);
    List<WorldJob> jobs =
        storage.list(
            where,
            job ->
                (kind == null || job.getKind() == kind)
                    && (status == null || job.getStatus() == status)
                    && (projectId == null || projectId.toString().equals(job.getProjectId()))
                    && (createdBy == null || createdBy.equals(job.getCreatedBy())));
    return Slice.toJobList(Slice.of(jobs, PageRequest.of(page, pageSize)));
  }

  @Override
  public WorldJob getWorldJob(String org, String workspace, String jobId) {
    return storage
        .get(workspace(org, workspace), jobId)
        .orElseThrow(() -> WorldsApiException.notFound("Job " + jobId + " not found"));
  }

  @Override
  public WorldJob cancelWorldJob(String org, String workspace, String jobId) {
    return storage
        .cancel(workspace(org, workspace), jobId)
        .orElseThrow(() -> WorldsApiException.notFound("Job " + jobId + " not found"));
  }

  @Override
  public WorldJob createWorldManifest(
      String org, String workspace, CreateWorldManifestRequest request, String idempotencyKey) {
    return storage.create(
        workspace(org, workspace),
        WorldJobKind.MANIFEST_GENERATION,
        WorldResourceType.MANIFEST,
        request.getProjectId() == null ? null : request.getProjectId().toString(),
        creator());
  }

  @Override
  public WorldJob createWorldTrajectory(
      String org, String workspace, CreateWorldTrajectoryRequest request, String idempotencyKey) {
    JobStorage.Workspace where = workspace(org, workspace);
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
    if (!storage.hasCompletedManifest(where, request.getManifestId().toString())) {
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
    return storage.create(
        where,
        WorldJobKind.TRAJECTORY_GENERATION,
        count > 1 ? WorldResourceType.TRAJECTORY_BATCH : WorldResourceType.TRAJECTORY,
        request.getProjectId() == null ? null : request.getProjectId().toString(),
        creator());
  }

  /** The workspace, when it exists (else 404) and the caller may use it (else 403). */
  private JobStorage.Workspace workspace(String org, String workspace) {
    JobStorage.Workspace key = new JobStorage.Workspace(org, workspace);
    Caller caller = CurrentCaller.require();
    if (!storage
        .members(key)
        .orElseThrow(
            () -> WorldsApiException.notFound("Workspace " + org + "/" + workspace + " not found"))
        .contains(caller.id())) {
      throw WorldsApiException.forbidden("You may not use workspace " + org + "/" + workspace);
    }
    return key;
  }

  private UserIdentity creator() {
    return users.get(CurrentCaller.require().id());
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
