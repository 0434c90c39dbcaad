package dev.worldsapi.client;

import dev.worldsapi.client.model.JobKind;
import dev.worldsapi.client.model.JobStatus;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Which jobs a list returns. Immutable: each method returns a changed copy. {@link #all()} matches
 * every job; every condition set narrows it.
 *
 * <pre>{@code
 * JobFilter failedTrajectories = JobFilter.all().kind(JobKind.TRAJECTORY_GENERATION).status(JobStatus.FAILED);
 * }</pre>
 */
public final class JobFilter {

  private static final JobFilter ALL = new JobFilter(null, null, null, null);

  private final @Nullable JobKind kind;
  private final @Nullable JobStatus status;
  private final @Nullable UUID projectId;
  private final @Nullable String createdBy;

  private JobFilter(
      @Nullable JobKind kind,
      @Nullable JobStatus status,
      @Nullable UUID projectId,
      @Nullable String createdBy) {
    this.kind = kind;
    this.status = status;
    this.projectId = projectId;
    this.createdBy = createdBy;
  }

  public static JobFilter all() {
    return ALL;
  }

  /** Only jobs of this kind; {@code null} removes the condition. */
  public JobFilter kind(@Nullable JobKind kind) {
    return new JobFilter(kind, status, projectId, createdBy);
  }

  /** Only jobs in this status; {@code null} removes the condition. */
  public JobFilter status(@Nullable JobStatus status) {
    return new JobFilter(kind, status, projectId, createdBy);
  }

  /** Only jobs of this project; {@code null} removes the condition. */
  public JobFilter projectId(@Nullable UUID projectId) {
    return new JobFilter(kind, status, projectId, createdBy);
  }

  /**
   * Only jobs created by this user id; {@code null} removes the condition.
   *
   * @throws IllegalArgumentException for an empty id, which the API refuses (no user id is empty)
   */
  public JobFilter createdBy(@Nullable String createdBy) {
    if (createdBy != null && createdBy.isEmpty()) {
      throw new IllegalArgumentException(
          "createdBy must not be empty; pass null to list the jobs of every creator");
    }
    return new JobFilter(kind, status, projectId, createdBy);
  }

  public @Nullable JobKind kind() {
    return kind;
  }

  public @Nullable JobStatus status() {
    return status;
  }

  public @Nullable UUID projectId() {
    return projectId;
  }

  public @Nullable String createdBy() {
    return createdBy;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof JobFilter other
        && Objects.equals(kind, other.kind)
        && Objects.equals(status, other.status)
        && Objects.equals(projectId, other.projectId)
        && Objects.equals(createdBy, other.createdBy);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, status, projectId, createdBy);
  }

  @Override
  public String toString() {
    return "JobFilter{kind="
        + kind
        + ", status="
        + status
        + ", projectId="
        + projectId
        + ", createdBy="
        + createdBy
        + '}';
  }
}
