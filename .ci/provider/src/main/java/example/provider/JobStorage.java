package example.provider;

import dev.worldsapi.server.errors.WorldsApiException;
import dev.worldsapi.server.model.UserIdentity;
import dev.worldsapi.server.model.WorldJob;
import dev.worldsapi.server.model.WorldJobKind;
import dev.worldsapi.server.model.WorldJobStatus;
import dev.worldsapi.server.model.WorldResourceType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The service's own storage: workspaces, who may use each, and their jobs, in memory. A real
 * service keeps these in its database; the generated interfaces and the runtime do not care.
 */
public final class JobStorage {

  /** An organization and one of its workspaces. */
  public record Workspace(String org, String name) {}

  /** A job as stored: the spec's model is made from it on every read. */
  private record Job(
      String id,
      Workspace workspace,
      WorldJobKind kind,
      WorldJobStatus status,
      WorldResourceType resourceType,
      String resourceId,
      Double progress,
      String error,
      Map<String, Object> result,
      String projectId,
      UserIdentity creator,
      Instant createdAt,
      Instant startedAt,
      Instant completedAt,
      Instant cancelRequestedAt,
      long sequence) {}

  private final Map<Workspace, Set<String>> members = new HashMap<>();
  private final Map<String, Job> jobs = new HashMap<>();
  private long sequence;

  public synchronized void clear() {
    members.clear();
    jobs.clear();
  }

  public synchronized void addWorkspace(Workspace workspace, Set<String> userIds) {
    members.put(workspace, Set.copyOf(userIds));
  }

  /** Empty when the workspace does not exist; its members otherwise. */
  public synchronized Optional<Set<String>> members(Workspace workspace) {
    return Optional.ofNullable(members.get(workspace));
  }

  /** A new queued job. */
  public synchronized WorldJob create(
      Workspace workspace,
      WorldJobKind kind,
      WorldResourceType resourceType,
      String projectId,
      UserIdentity creator) {
    Job job =
        new Job(
            UUID.randomUUID().toString(), workspace, kind, WorldJobStatus.QUEUED, resourceType,
            null, null, null, null, projectId, creator, Instant.now(), null, null, null,
            ++sequence);
    jobs.put(job.id(), job);
    return model(job);
  }

  /** A job already in {@code status}, as the provider states and the seed data need. */
  public synchronized WorldJob insert(
      Workspace workspace,
      WorldJobKind kind,
      WorldJobStatus status,
      String projectId,
      UserIdentity creator) {
    Instant created = Instant.now().minusSeconds(60);
    boolean manifest = kind == WorldJobKind.MANIFEST_GENERATION;
    boolean started = status != WorldJobStatus.QUEUED;
    boolean ended = status != WorldJobStatus.QUEUED && status != WorldJobStatus.RUNNING;
    String resourceId = ended ? UUID.randomUUID().toString() : null;
    Map<String, Object> result = null;
    if (status == WorldJobStatus.COMPLETED) {
      result = new LinkedHashMap<>();
      result.put(manifest ? "manifest_id" : "trajectory_id", resourceId);
    }
    Job job =
        new Job(
            UUID.randomUUID().toString(),
            workspace,
            kind,
            status,
            manifest ? WorldResourceType.MANIFEST : WorldResourceType.TRAJECTORY,
            resourceId,
            started ? (ended ? 1.0 : 0.5) : null,
            status == WorldJobStatus.FAILED ? "Generation failed: set up as failed" : null,
            result,
            projectId,
            creator,
            created,
            started ? created.plusSeconds(2) : null,
            ended ? created.plusSeconds(30) : null,
            status == WorldJobStatus.CANCELLED ? created.plusSeconds(10) : null,
            ++sequence);
    jobs.put(job.id(), job);
    return model(job);
  }

  public synchronized Optional<WorldJob> get(Workspace workspace, String id) {
    return find(workspace, id).map(JobStorage::model);
  }

  /** The workspace's jobs that match, newest first. */
  public synchronized List<WorldJob> list(Workspace workspace, Predicate<WorldJob> filter) {
    List<Job> found = new ArrayList<>();
    for (Job job : jobs.values()) {
      if (job.workspace().equals(workspace)) {
        found.add(job);
      }
    }
    found.sort(Comparator.comparingLong(Job::sequence).reversed());
    return found.stream().map(JobStorage::model).filter(filter).toList();
  }

  /** Whether the workspace has a completed manifest with this id. */
  public synchronized boolean hasCompletedManifest(Workspace workspace, String manifestId) {
    return jobs.values().stream()
        .anyMatch(
            job ->
                job.workspace().equals(workspace)
                    && job.status() == WorldJobStatus.COMPLETED
                    && job.resourceType() == WorldResourceType.MANIFEST
                    && manifestId.equals(job.resourceId()));
  }

  /**
   * Cancels a queued job at once and records the request for a running one; empty for no such
   * job.
   *
   * @throws WorldsApiException 409 for a job that has already ended
   */
  public synchronized Optional<WorldJob> cancel(Workspace workspace, String id) {
    Optional<Job> found = find(workspace, id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Job job = found.get();
    Instant now = Instant.now();
    Job cancelled =
        switch (job.status()) {
          case QUEUED -> with(job, WorldJobStatus.CANCELLED, now, now);
          case RUNNING ->
              with(
                  job,
                  job.status(),
                  null,
                  job.cancelRequestedAt() == null ? now : job.cancelRequestedAt());
          default ->
              throw WorldsApiException.conflict(
                  "Job is already " + job.status().toString().toLowerCase(java.util.Locale.ROOT));
        };
    jobs.put(id, cancelled);
    return Optional.of(model(cancelled));
  }

  private Optional<Job> find(Workspace workspace, String id) {
    Job job = jobs.get(id);
    return job != null && job.workspace().equals(workspace) ? Optional.of(job) : Optional.empty();
  }

  private static Job with(Job job, WorldJobStatus status, Instant completedAt, Instant cancelRequestedAt) {
    return new Job(
        job.id(), job.workspace(), job.kind(), status, job.resourceType(), job.resourceId(),
        job.progress(), job.error(), job.result(), job.projectId(), job.creator(), job.createdAt(),
        job.startedAt(), completedAt != null ? completedAt : job.completedAt(), cancelRequestedAt,
        job.sequence());
  }

  private static WorldJob model(Job job) {
    return new WorldJob(
            job.id(),
            job.kind(),
            job.status(),
            job.workspace().org(),
            job.workspace().name(),
            utc(job.createdAt()))
        .projectId(job.projectId())
        .resourceType(job.resourceType())
        .resourceId(job.resourceId())
        .progress(job.progress())
        .error(job.error())
        .result(job.result() == null ? null : new LinkedHashMap<>(job.result()))
        .createdBy(job.creator().getId().toString())
        .createdByUser(job.creator())
        .startedAt(utc(job.startedAt()))
        .completedAt(utc(job.completedAt()))
        .cancelRequestedAt(utc(job.cancelRequestedAt()));
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
