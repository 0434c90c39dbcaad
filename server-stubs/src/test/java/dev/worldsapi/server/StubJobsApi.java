package dev.worldsapi.server;

import dev.worldsapi.server.api.WorldsJobsApiTestDouble;
import dev.worldsapi.server.auth.CurrentCaller;
import dev.worldsapi.server.errors.WorldsApiException;
import dev.worldsapi.server.model.CreateWorldManifestRequest;
import dev.worldsapi.server.model.CreateWorldTrajectoryRequest;
import dev.worldsapi.server.model.WorldJob;
import dev.worldsapi.server.model.WorldJobKind;
import dev.worldsapi.server.model.WorldJobList;
import dev.worldsapi.server.model.WorldJobStatus;
import dev.worldsapi.server.paging.PageRequest;
import dev.worldsapi.server.paging.Slice;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * A stand-in implementation of the generated interface, with no JAX-RS annotations of its own, that
 * fails in chosen ways so the runtime's answers can be checked.
 */
public final class StubJobsApi extends WorldsJobsApiTestDouble {

  /** The body of the last manifest request, as the implementation received it. */
  volatile CreateWorldManifestRequest lastManifestRequest;

  /** Every create makes a job with a new id, so a replayed answer can be told from a new one. */
  private final java.util.concurrent.atomic.AtomicInteger created =
      new java.util.concurrent.atomic.AtomicInteger();

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
    guard(org, workspace);
    List<WorldJob> all = IntStream.range(0, 45).mapToObj(i -> job("job-" + i)).toList();
    return Slice.toJobList(Slice.of(all, PageRequest.of(page, pageSize)));
  }

  @Override
  public WorldJob getWorldJob(String org, String workspace, String jobId) {
    guard(org, workspace);
    return switch (jobId) {
      case "missing" -> throw WorldsApiException.notFound("Job not found");
      case "explode" ->
          throw new IllegalStateException("secret internals of " + getClass().getName());
      default -> job(jobId);
    };
  }

  @Override
  public WorldJob cancelWorldJob(String org, String workspace, String jobId) {
    guard(org, workspace);
    throw WorldsApiException.conflict("Job is already completed");
  }

  @Override
  public WorldJob createWorldManifest(
      String org, String workspace, CreateWorldManifestRequest request, String idempotencyKey) {
    guard(org, workspace);
    lastManifestRequest = request;
    return job("job-new-" + created.incrementAndGet()).createdBy(CurrentCaller.require().id());
  }

  @Override
  public WorldJob createWorldTrajectory(
      String org, String workspace, CreateWorldTrajectoryRequest request, String idempotencyKey) {
    guard(org, workspace);
    return job("job-new-" + created.incrementAndGet()).kind(WorldJobKind.TRAJECTORY_GENERATION);
  }

  private static void guard(String org, String workspace) {
    if (org.equals("other")) {
      throw WorldsApiException.forbidden("Access forbidden");
    }
    if (workspace.equals("busy")) {
      throw WorldsApiException.rateLimited("Rate limited", Duration.ofMillis(2500));
    }
  }

  private static WorldJob job(String id) {
    return new WorldJob(
        id,
        WorldJobKind.MANIFEST_GENERATION,
        WorldJobStatus.QUEUED,
        "org-acme",
        "ws-lab",
        OffsetDateTime.of(2026, 1, 5, 10, 15, 30, 0, ZoneOffset.UTC));
  }
}
