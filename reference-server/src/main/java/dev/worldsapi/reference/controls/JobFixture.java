package dev.worldsapi.reference.controls;

import dev.worldsapi.reference.Workspaces;
import dev.worldsapi.server.model.UserIdentity;
import dev.worldsapi.server.model.WorldJobKind;
import dev.worldsapi.server.model.WorldJobStatus;
import dev.worldsapi.server.model.WorldResourceType;
import java.time.Instant;
import java.util.Objects;

/**
 * A job for {@link TestControls#insert(JobFixture)} to put in place as it is.
 *
 * @param workspace where it is
 * @param kind manifest or trajectory generation
 * @param status where it is in its lifecycle
 * @param resourceType what it makes: {@code manifest} for a manifest job, {@code trajectory} or
 *     {@code trajectory_batch} for a trajectory job
 * @param resources how many trajectories a batch makes
 * @param projectId its project, or {@code null}
 * @param creator who created it
 * @param createdAt when it was created
 * @param fails whether it ends {@code failed}; true for a {@code failed} job
 * @param error the {@code error} it then carries
 * @param advances whether the worker takes it on from its status, as it does a created job; if not,
 *     it stays as it is unless cancelled
 */
public record JobFixture(
    Workspaces.Key workspace,
    WorldJobKind kind,
    WorldJobStatus status,
    WorldResourceType resourceType,
    int resources,
    String projectId,
    UserIdentity creator,
    Instant createdAt,
    boolean fails,
    String error,
    boolean advances) {

  public JobFixture {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(resourceType, "resourceType");
    Objects.requireNonNull(creator, "creator");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(error, "error");
    if ((kind == WorldJobKind.MANIFEST_GENERATION)
        != (resourceType == WorldResourceType.MANIFEST)) {
      throw new IllegalArgumentException(
          "a "
              + kind
              + " job makes "
              + (kind == WorldJobKind.MANIFEST_GENERATION
                  ? "a manifest"
                  : "a trajectory or a trajectory batch")
              + ", not "
              + resourceType);
    }
    if (resources < 1 || (resourceType != WorldResourceType.TRAJECTORY_BATCH && resources != 1)) {
      throw new IllegalArgumentException(
          "a batch makes 1 or more trajectories and any other job 1 resource, got " + resources);
    }
    fails = fails || status == WorldJobStatus.FAILED;
  }
}
