package dev.worldsapi.server.idempotency.jdbc;

import dev.worldsapi.server.api.WorldsJobsApiTestDouble;
import dev.worldsapi.server.model.WorldJob;
import dev.worldsapi.server.model.WorldJobKind;
import dev.worldsapi.server.model.WorldJobStatus;
import dev.worldsapi.server.model.WorldResourceType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A service of the tests that creates manifest jobs only; any other operation fails, naming itself
 * (the generated test double's answer).
 */
abstract class ManifestsOnly extends WorldsJobsApiTestDouble {

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
}
