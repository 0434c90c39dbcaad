package dev.worldsapi.reference;

import dev.worldsapi.server.auth.Caller;
import dev.worldsapi.server.model.UserIdentity;
import dev.worldsapi.server.model.WorldJobKind;
import dev.worldsapi.server.model.WorldJobStatus;
import dev.worldsapi.server.model.WorldResourceType;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * The embedded demo: organization {@code demo} with workspace {@code sandbox}, open to the
 * development caller, and workspace {@code restricted}, which is not; and, when seeding, 40 jobs in
 * {@code sandbox}: of both kinds, four in each status, an hour apart.
 */
public final class DemoData {

  public static final String ORG = "demo";
  public static final String WORKSPACE = "sandbox";
  public static final String RESTRICTED_WORKSPACE = "restricted";
  public static final int SEEDED_JOBS = 40;

  public static final UserIdentity DEVELOPER =
      new UserIdentity(
              UUID.fromString("5f0c4b5e-3c1a-4c7e-9a55-2b9d3c1e7a10"),
              "developer@example.org",
              "developer")
          .fullName("Demo Developer");
  public static final Caller DEVELOPER_CALLER =
      new Caller(DEVELOPER.getId().toString(), DEVELOPER.getUsername());

  private DemoData() {}

  /** The demo workspace where jobs are seeded. */
  public static final Workspaces.Key SANDBOX = new Workspaces.Key(ORG, WORKSPACE);

  public static void addWorkspaces(Workspaces workspaces) {
    workspaces.add(ORG, WORKSPACE, Set.of(DEVELOPER_CALLER.id()));
    workspaces.add(ORG, RESTRICTED_WORKSPACE, Set.of());
  }

  public static void seedJobs(JobStore store, Instant now) {
    int index = 0;
    for (int round = 0; round < 4; round++) {
      for (WorldJobStatus status : WorldJobStatus.values()) {
        for (WorldJobKind kind : WorldJobKind.values()) {
          boolean manifest = kind == WorldJobKind.MANIFEST_GENERATION;
          WorldResourceType type =
              manifest
                  ? WorldResourceType.MANIFEST
                  : round % 2 == 0
                      ? WorldResourceType.TRAJECTORY
                      : WorldResourceType.TRAJECTORY_BATCH;
          JobStore.Plan plan =
              new JobStore.Plan(
                  kind,
                  type,
                  type == WorldResourceType.TRAJECTORY_BATCH ? 3 : 1,
                  status == WorldJobStatus.FAILED,
                  manifest
                      ? "Manifest generation failed: demo failure"
                      : "Trajectory generation failed: demo failure");
          store.insert(
              SANDBOX,
              plan,
              status,
              now.minus(Duration.ofHours(SEEDED_JOBS - index)),
              DEVELOPER,
              null);
          index++;
        }
      }
    }
  }
}
