package dev.worldsapi.reference;

import dev.worldsapi.server.errors.WorldsApiException;
import dev.worldsapi.server.model.UserIdentity;
import dev.worldsapi.server.model.WorldJob;
import dev.worldsapi.server.model.WorldJobKind;
import dev.worldsapi.server.model.WorldJobStatus;
import dev.worldsapi.server.model.WorldResourceType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The jobs, in memory. Every method holds the store's lock, so concurrent requests and the worker
 * never lose or duplicate a job or see one half-changed; what leaves the store is a model of one
 * consistent state, made once per state and never changed after.
 */
public final class JobStore {

  /** Steps a job takes from running to its end. */
  static final int STEPS = 4;

  /** How many jobs a workspace keeps unless told otherwise. */
  public static final int DEFAULT_MAX_JOBS_PER_WORKSPACE = 10_000;

  private final Map<String, JobState> jobs = new HashMap<>();

  /** The order a list answers in: newest first, by creation time, then by when added. */
  private static final Comparator<JobState> NEWEST_FIRST =
      Comparator.comparing((JobState job) -> job.createdAt)
          .thenComparingLong(job -> job.sequence)
          .reversed();

  /**
   * Each workspace's jobs in the order a list answers, so that a list sorts nothing; walked from
   * the other end, oldest first, to find what the workspace's limit forgets.
   */
  private final Map<Workspaces.Key, NavigableSet<JobState>> newestFirst = new HashMap<>();

  private final Clock clock;
  private final int maxJobsPerWorkspace;
  private long sequence;

  public JobStore(Clock clock) {
    this(clock, DEFAULT_MAX_JOBS_PER_WORKSPACE);
  }

  /**
   * @param maxJobsPerWorkspace how many jobs a workspace keeps: past that, adding a job forgets the
   *     workspace's oldest job that has ended, or its oldest job when none has
   */
  public JobStore(Clock clock, int maxJobsPerWorkspace) {
    if (maxJobsPerWorkspace < 1) {
      throw new IllegalArgumentException(
          "maxJobsPerWorkspace must be 1 or more, got " + maxJobsPerWorkspace);
    }
    this.clock = clock;
    this.maxJobsPerWorkspace = maxJobsPerWorkspace;
  }

  /**
   * What a job is to become.
   *
   * @param resources how many trajectories a batch holds
   * @param fails whether it ends {@code failed} rather than {@code completed}
   * @param failure the {@code error} it then carries
   */
  public record Plan(
      WorldJobKind kind,
      WorldResourceType resourceType,
      int resources,
      boolean fails,
      String failure) {}

  /** Adds a queued job and returns it. */
  public synchronized WorldJob create(
      Workspaces.Key workspace, Plan plan, String projectId, UserIdentity creator) {
    JobState job = new JobState(UUID.randomUUID().toString(), workspace, plan, now(), ++sequence);
    job.projectId = projectId;
    job.creator = creator;
    add(job);
    return job.toModel();
  }

  /**
   * Adds a job already in {@code status}, for demo data, and returns it. The worker never advances
   * it, but does honour a cancellation request.
   */
  public WorldJob insert(
      Workspaces.Key workspace,
      Plan plan,
      WorldJobStatus status,
      Instant createdAt,
      UserIdentity creator,
      String projectId) {
    return insert(workspace, plan, status, createdAt, creator, projectId, false);
  }

  /**
   * Adds a job already in {@code status} and returns it: a running one halfway through; one that
   * ended, 30 s after {@code createdAt}. With {@code advances}, the worker takes an unfinished one
   * on from there as it does a created job; without, it only honours a cancellation request.
   */
  public synchronized WorldJob insert(
      Workspaces.Key workspace,
      Plan plan,
      WorldJobStatus status,
      Instant createdAt,
      UserIdentity creator,
      String projectId,
      boolean advances) {
    JobState job =
        new JobState(UUID.randomUUID().toString(), workspace, plan, createdAt, ++sequence);
    job.creator = creator;
    job.projectId = projectId;
    job.frozen = !advances;
    job.status = WorldJobStatus.QUEUED;
    if (status != WorldJobStatus.QUEUED) {
      job.start(createdAt.plusSeconds(2));
    }
    switch (status) {
      case RUNNING -> job.progress = 0.5;
      case COMPLETED, FAILED -> {
        job.progress = 1.0;
        job.finish(createdAt.plusSeconds(30), status == WorldJobStatus.FAILED);
      }
      case CANCELLED -> {
        job.cancelRequestedAt = createdAt.plusSeconds(10);
        job.end(WorldJobStatus.CANCELLED, createdAt.plusSeconds(11));
      }
      default -> {}
    }
    add(job);
    return job.toModel();
  }

  /** Forgets every job. */
  public synchronized void clear() {
    jobs.clear();
    newestFirst.clear();
  }

  /** Keeps a new job, and forgets what the workspace's limit no longer allows. */
  private void add(JobState job) {
    jobs.put(job.id, job);
    NavigableSet<JobState> workspace =
        newestFirst.computeIfAbsent(job.workspace, k -> new TreeSet<>(NEWEST_FIRST));
    workspace.add(job);
    while (workspace.size() > maxJobsPerWorkspace) {
      JobState forgotten = null;
      for (Iterator<JobState> oldestFirst = workspace.descendingIterator();
          oldestFirst.hasNext(); ) {
        JobState candidate = oldestFirst.next();
        if (candidate.isTerminal()) {
          forgotten = candidate;
          break;
        }
      }
      if (forgotten == null) {
        forgotten = workspace.last();
      }
      workspace.remove(forgotten);
      jobs.remove(forgotten.id);
    }
  }

  /** The jobs as they are now, for {@link #restore(Snapshot)}. Immutable. */
  public static final class Snapshot {
    private final List<JobState> jobs;
    private final long sequence;

    private Snapshot(List<JobState> jobs, long sequence) {
      this.jobs = jobs;
      this.sequence = sequence;
    }
  }

  /** Copies every job as it is now. */
  public synchronized Snapshot snapshot() {
    return new Snapshot(jobs.values().stream().map(JobState::copy).toList(), sequence);
  }

  /** Puts every job back as the snapshot holds it, and forgets every job made since. */
  public synchronized void restore(Snapshot snapshot) {
    clear();
    snapshot.jobs.forEach(job -> add(job.copy()));
    // Jobs made after the restore still sort after every job restored.
    sequence = Math.max(sequence, snapshot.sequence);
  }

  /**
   * @throws WorldsApiException 404 when the workspace has no such job
   */
  public synchronized WorldJob get(Workspaces.Key workspace, String id) {
    return find(workspace, id).toModel();
  }

  /**
   * Cancels a queued job at once; records the request for a running one, which the worker ends at
   * its next step.
   *
   * @throws WorldsApiException 404 for no such job, 409 for a job that already ended
   */
  public synchronized WorldJob cancel(Workspaces.Key workspace, String id) {
    JobState job = find(workspace, id);
    switch (job.status) {
      case QUEUED -> {
        job.cancelRequestedAt = now();
        job.end(WorldJobStatus.CANCELLED, job.cancelRequestedAt);
      }
      case RUNNING -> {
        if (job.cancelRequestedAt == null) {
          job.cancelRequestedAt = now();
        }
      }
      default -> throw WorldsApiException.conflict("Job is already " + job.status);
    }
    job.changed();
    return job.toModel();
  }

  /** The workspace's jobs that match, newest first. */
  public synchronized List<WorldJob> list(Workspaces.Key workspace, Predicate<WorldJob> filter) {
    return newestFirst.getOrDefault(workspace, Collections.emptyNavigableSet()).stream()
        .map(JobState::toModel)
        .filter(filter)
        .toList();
  }

  /** Whether the workspace has a completed manifest with this id. */
  public synchronized boolean hasCompletedManifest(Workspaces.Key workspace, String manifestId) {
    return newestFirst.getOrDefault(workspace, Collections.emptyNavigableSet()).stream()
        .anyMatch(
            job ->
                job.status == WorldJobStatus.COMPLETED
                    && job.plan.resourceType() == WorldResourceType.MANIFEST
                    && manifestId.equals(job.resourceId));
  }

  /**
   * Moves every unfinished job one step: a cancellation request ends a job; a queued job starts; a
   * running one progresses and, after {@value #STEPS} steps, completes or fails. Seeded jobs only
   * honour cancellation. Returns how many jobs changed.
   */
  public synchronized int step() {
    Instant now = now();
    int changed = 0;
    for (JobState job : jobs.values()) {
      if (job.isTerminal()) {
        continue;
      }
      if (job.cancelRequestedAt != null) {
        job.end(WorldJobStatus.CANCELLED, now);
      } else if (job.frozen) {
        continue;
      } else if (job.status == WorldJobStatus.QUEUED) {
        job.start(now);
      } else {
        job.progress = Math.min(1.0, job.progress + 1.0 / STEPS);
        if (job.progress >= 1.0) {
          job.finish(now, job.plan.fails());
        }
      }
      job.changed();
      changed++;
    }
    return changed;
  }

  public synchronized int size() {
    return jobs.size();
  }

  private JobState find(Workspaces.Key workspace, String id) {
    JobState job = jobs.get(id);
    if (job == null || !job.workspace.equals(workspace)) {
      throw WorldsApiException.notFound("Job " + id + " not found");
    }
    return job;
  }

  private Instant now() {
    return clock.instant();
  }

  private static OffsetDateTime utc(Instant instant) {
    // Not instant.atOffset(UTC): on Java 17 that builds new ZoneRules for every value.
    return instant == null
        ? null
        : OffsetDateTime.of(
            LocalDateTime.ofEpochSecond(
                instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC),
            ZoneOffset.UTC);
  }

  /** A job's mutable state; only touched under the store's lock. */
  private static final class JobState {
    final String id;
    final Workspaces.Key workspace;
    final Plan plan;
    final Instant createdAt;
    final long sequence;
    WorldJobStatus status = WorldJobStatus.QUEUED;
    String projectId;
    UserIdentity creator;
    String resourceId;
    Double progress;
    String error;
    Map<String, Object> result;
    Instant startedAt;
    Instant completedAt;
    Instant cancelRequestedAt;
    boolean frozen;
    private WorldJob model;

    JobState(String id, Workspaces.Key workspace, Plan plan, Instant createdAt, long sequence) {
      this.id = id;
      this.workspace = workspace;
      this.plan = plan;
      this.createdAt = createdAt;
      this.sequence = sequence;
    }

    /** A copy that changes apart from this one; the model made for the state is shared. */
    JobState copy() {
      JobState copy = new JobState(id, workspace, plan, createdAt, sequence);
      copy.status = status;
      copy.projectId = projectId;
      copy.creator = creator;
      copy.resourceId = resourceId;
      copy.progress = progress;
      copy.error = error;
      copy.result = result == null ? null : new LinkedHashMap<>(result);
      copy.startedAt = startedAt;
      copy.completedAt = completedAt;
      copy.cancelRequestedAt = cancelRequestedAt;
      copy.frozen = frozen;
      copy.model = model;
      return copy;
    }

    boolean isTerminal() {
      return status == WorldJobStatus.COMPLETED
          || status == WorldJobStatus.FAILED
          || status == WorldJobStatus.CANCELLED;
    }

    void start(Instant at) {
      status = WorldJobStatus.RUNNING;
      startedAt = at;
      progress = 0.0;
    }

    void finish(Instant at, boolean failed) {
      if (failed) {
        error = plan.failure();
        end(WorldJobStatus.FAILED, at);
        return;
      }
      resourceId = UUID.randomUUID().toString();
      result = new LinkedHashMap<>();
      switch (plan.resourceType()) {
        case MANIFEST -> result.put("manifest_id", resourceId);
        case TRAJECTORY -> result.put("trajectory_id", resourceId);
        case TRAJECTORY_BATCH -> {
          List<String> ids = new ArrayList<>();
          for (int i = 0; i < plan.resources(); i++) {
            ids.add(UUID.randomUUID().toString());
          }
          result.put("batch_id", resourceId);
          result.put("trajectory_ids", ids);
        }
      }
      end(WorldJobStatus.COMPLETED, at);
    }

    void end(WorldJobStatus terminal, Instant at) {
      status = terminal;
      completedAt = at;
    }

    /** Forgets the model made for the last state; every change to a job's fields calls this. */
    void changed() {
      model = null;
    }

    /**
     * The job as the API shows it, made once per state: lists ask for every job of a workspace
     * under the store's lock, and making the models anew each time made that lock the server's
     * bottleneck under load. Nothing changes a model once made.
     */
    WorldJob toModel() {
      if (model == null) {
        model = newModel();
      }
      return model;
    }

    private WorldJob newModel() {
      WorldJob job =
          new WorldJob(
                  id, plan.kind(), status, workspace.org(), workspace.workspace(), utc(createdAt))
              .projectId(projectId)
              .resourceType(plan.resourceType())
              .resourceId(resourceId)
              .progress(progress)
              .error(error)
              .result(result == null ? null : new LinkedHashMap<>(result))
              .startedAt(utc(startedAt))
              .completedAt(utc(completedAt))
              .cancelRequestedAt(utc(cancelRequestedAt));
      if (creator != null) {
        job.createdBy(creator.getId().toString()).createdByUser(creator);
      }
      return job;
    }
  }
}
