package dev.worldsapi.testkit;

import dev.worldsapi.client.model.JobKind;
import dev.worldsapi.client.model.JobStatus;
import dev.worldsapi.client.model.WorldJob;
import dev.worldsapi.reference.Workspaces;
import dev.worldsapi.reference.controls.JobFixture;
import dev.worldsapi.reference.controls.TestControls;
import dev.worldsapi.server.model.UserIdentity;
import dev.worldsapi.server.model.WorldJobKind;
import dev.worldsapi.server.model.WorldJobStatus;
import dev.worldsapi.server.model.WorldResourceType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A job to put in the test server as it is, from {@link TestServer#job()}: by default a queued
 * manifest job in {@link TestServer#workspace()}, created now by the token's caller, that {@link
 * TestServer#advance()} takes through its lifecycle to {@code completed}. Each setter returns the
 * builder; {@link #create()} puts the job in place. Not thread-safe.
 *
 * <pre>{@code
 * WorldJob failed = server.job().status(JobStatus.FAILED).project(projectId).create();
 * }</pre>
 */
public final class JobBuilder {

  private final TestServer server;
  private final TestControls controls;
  private TestWorkspace workspace;
  private JobKind kind = JobKind.MANIFEST_GENERATION;
  private JobStatus status = JobStatus.QUEUED;
  private int batch;
  private String projectId;
  private UserIdentity creator;
  private Instant createdAt;
  private String failure;
  private boolean frozen;

  JobBuilder(TestServer server, TestControls controls) {
    this.server = server;
    this.controls = controls;
    this.workspace = server.workspace();
    this.creator = controls.caller();
  }

  /** Manifest generation (the default) or trajectory generation. */
  public JobBuilder kind(JobKind kind) {
    this.kind = known("kind", kind, JobKind.MANIFEST_GENERATION, JobKind.TRAJECTORY_GENERATION);
    if (this.kind.equals(JobKind.MANIFEST_GENERATION)) {
      this.batch = 0;
    }
    return this;
  }

  /**
   * Where it is in its lifecycle: queued (the default), running (halfway), or ended 30 seconds
   * after its creation: completed (with a result), failed (with an error) or cancelled.
   */
  public JobBuilder status(JobStatus status) {
    this.status =
        known(
            "status",
            status,
            JobStatus.QUEUED,
            JobStatus.RUNNING,
            JobStatus.COMPLETED,
            JobStatus.FAILED,
            JobStatus.CANCELLED);
    return this;
  }

  /**
   * A trajectory job that makes a batch of {@code trajectories} (result {@code batch_id} and {@code
   * trajectory_ids}) rather than one trajectory; sets the kind to trajectory generation.
   */
  public JobBuilder trajectoryBatch(int trajectories) {
    if (trajectories < 1) {
      throw new IllegalArgumentException("a batch has 1 or more trajectories, got " + trajectories);
    }
    this.kind = JobKind.TRAJECTORY_GENERATION;
    this.batch = trajectories;
    return this;
  }

  /** Its project ({@code project_id}, a UUID). Default: none. */
  public JobBuilder project(UUID projectId) {
    this.projectId = Objects.requireNonNull(projectId, "projectId").toString();
    return this;
  }

  /** As {@link #project(UUID)}, from the UUID's text. */
  public JobBuilder project(String projectId) {
    return project(uuid("projectId", projectId));
  }

  /**
   * Who created it ({@code created_by}, a user id; {@code created_by_user} gets a made-up name and
   * address). Default: the token's caller, {@link TestServer#callerId()}.
   */
  public JobBuilder createdBy(UUID userId) {
    Objects.requireNonNull(userId, "userId");
    String name = "user-" + userId.toString().substring(0, 8);
    this.creator =
        userId.toString().equals(server.callerId())
            ? controls.caller()
            : new UserIdentity(userId, name + "@example.org", name);
    return this;
  }

  /** As {@link #createdBy(UUID)}, from the UUID's text. */
  public JobBuilder createdBy(String userId) {
    return createdBy(uuid("userId", userId));
  }

  /** When it was created. Default: now, by {@link TestServer#clock()}. */
  public JobBuilder createdAt(Instant createdAt) {
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    return this;
  }

  /** As {@link #createdAt(Instant)}. */
  public JobBuilder createdAt(OffsetDateTime createdAt) {
    return createdAt(Objects.requireNonNull(createdAt, "createdAt").toInstant());
  }

  /**
   * That it fails with this {@code error}: a failed job carries it; an unfinished one ends failed
   * with it when {@link TestServer#advance()} gets it there.
   */
  public JobBuilder failsWith(String error) {
    if (error == null || error.isBlank()) {
      throw new IllegalArgumentException("error must be some text");
    }
    this.failure = error;
    return this;
  }

  /** In another workspace, e.g. one from {@link TestServer#addWorkspace(String, String)}. */
  public JobBuilder in(TestWorkspace workspace) {
    this.workspace = Objects.requireNonNull(workspace, "workspace");
    return this;
  }

  /** That {@link TestServer#advance()} leaves it where it is, unless it is asked to cancel. */
  public JobBuilder frozen() {
    this.frozen = true;
    return this;
  }

  /** Puts the job in place and returns it as the API shows it. */
  public WorldJob create() {
    return TestServer.toClientModel(controls.insert(fixture()));
  }

  /** Puts {@code count} such jobs in place, created in that order, and returns them. */
  public List<WorldJob> create(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be 0 or more, got " + count);
    }
    List<WorldJob> jobs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      jobs.add(create());
    }
    return jobs;
  }

  private JobFixture fixture() {
    boolean manifest = kind.equals(JobKind.MANIFEST_GENERATION);
    WorldResourceType type =
        manifest
            ? WorldResourceType.MANIFEST
            : batch > 0 ? WorldResourceType.TRAJECTORY_BATCH : WorldResourceType.TRAJECTORY;
    return new JobFixture(
        new Workspaces.Key(workspace.org(), workspace.workspace()),
        WorldJobKind.fromValue(kind.value()),
        WorldJobStatus.fromValue(status.value()),
        type,
        Math.max(1, batch),
        projectId,
        creator,
        createdAt == null ? server.clock().instant() : createdAt,
        failure != null,
        failure != null
            ? failure
            : (manifest ? "Manifest" : "Trajectory") + " generation failed: set up by a test",
        !frozen);
  }

  @SafeVarargs
  private static <T> T known(String name, T value, T... known) {
    Objects.requireNonNull(value, name);
    for (T k : known) {
      if (k.equals(value)) {
        return value;
      }
    }
    throw new IllegalArgumentException(
        "the server holds jobs of " + name + " " + List.of(known) + ", not " + value);
  }

  private static UUID uuid(String name, String value) {
    try {
      return UUID.fromString(Objects.requireNonNull(value, name));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " must be a UUID, got \"" + value + "\"", e);
    }
  }
}
