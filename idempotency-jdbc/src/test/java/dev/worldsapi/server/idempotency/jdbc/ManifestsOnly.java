package dev.worldsapi.server.idempotency.jdbc;

import dev.worldsapi.server.api.WorldsJobsApi;
import dev.worldsapi.server.errors.WorldsApiException;
import dev.worldsapi.server.model.CreateWorldTrajectoryRequest;
import dev.worldsapi.server.model.WorldJob;
import dev.worldsapi.server.model.WorldJobKind;
import dev.worldsapi.server.model.WorldJobList;
import dev.worldsapi.server.model.WorldJobStatus;
import dev.worldsapi.server.model.WorldResourceType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** A service of the tests that creates manifest jobs only: every other operation is a 404. */
abstract class ManifestsOnly implements WorldsJobsApi {

  /** A new queued manifest job with {@code id}. */
  static WorldJob job(String id, String org, String workspace) {
    return new WorldJob(
            id,
            WorldJobKind.MANIFEST_GENERATION,
            WorldJobStatus.QUEUED,
            org,
            workspace,
            OffsetDateTime.now(ZoneOffset.UTC))
        .resourceType(WorldResourceType.MANIFEST)
        .resourceId(UUID.randomUUID().toString())
        .progress(0.0)
        .createdBy("user-1");
  }

  @Override
  public WorldJob createWorldTrajectory(
      String org, String workspace, CreateWorldTrajectoryRequest request, String idempotencyKey) {
    throw WorldsApiException.notFound("not in this test");
  }

  @Override
  public WorldJob cancelWorldJob(String org, String workspace, String jobId) {
    throw WorldsApiException.notFound("not in this test");
  }

  @Override
  public WorldJob getWorldJob(String org, String workspace, String jobId) {
    throw WorldsApiException.notFound("not in this test");
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
    throw WorldsApiException.notFound("not in this test");
  }
}
