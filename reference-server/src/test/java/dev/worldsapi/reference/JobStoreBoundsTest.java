package dev.worldsapi.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldsapi.server.model.WorldJob;
import dev.worldsapi.server.model.WorldJobKind;
import dev.worldsapi.server.model.WorldJobStatus;
import dev.worldsapi.server.model.WorldResourceType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A workspace keeps a bounded number of jobs: past it, the oldest that ended go first. */
class JobStoreBoundsTest {

  private static final Workspaces.Key DEMO = new Workspaces.Key("demo", "sandbox");
  private static final Workspaces.Key OTHER = new Workspaces.Key("demo", "other");
  private static final JobStore.Plan MANIFEST =
      new JobStore.Plan(
          WorldJobKind.MANIFEST_GENERATION, WorldResourceType.MANIFEST, 1, false, null);
  private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  private final Clock clock = Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC);

  @Test
  void pastTheLimitTheOldestEndedJobIsForgottenBeforeAnyUnfinishedOne() {
    JobStore store = new JobStore(clock, 3);
    WorldJob running = insert(store, DEMO, WorldJobStatus.RUNNING, 0);
    WorldJob oldestEnded = insert(store, DEMO, WorldJobStatus.COMPLETED, 10);
    WorldJob ended = insert(store, DEMO, WorldJobStatus.FAILED, 20);

    WorldJob created = store.create(DEMO, MANIFEST, null, DemoData.DEVELOPER);

    assertThat(ids(store.list(DEMO, job -> true)))
        .containsExactlyInAnyOrder(running.getId(), ended.getId(), created.getId());
    assertThatThrownBy(() -> store.get(DEMO, oldestEnded.getId()))
        .hasMessageContaining("not found");
  }

  @Test
  void whenNoJobHasEndedTheOldestGoes() {
    JobStore store = new JobStore(clock, 2);
    WorldJob oldest = insert(store, DEMO, WorldJobStatus.QUEUED, 0);
    WorldJob next = insert(store, DEMO, WorldJobStatus.RUNNING, 10);

    WorldJob created = store.create(DEMO, MANIFEST, null, DemoData.DEVELOPER);

    assertThat(ids(store.list(DEMO, job -> true)))
        .containsExactlyInAnyOrder(next.getId(), created.getId());
    assertThat(oldest.getId()).isNotIn(ids(store.list(DEMO, job -> true)));
  }

  @Test
  void eachWorkspaceHasItsOwnLimit() {
    JobStore store = new JobStore(clock, 2);
    WorldJob other = insert(store, OTHER, WorldJobStatus.COMPLETED, 0);
    for (int i = 0; i < 5; i++) {
      store.create(DEMO, MANIFEST, null, DemoData.DEVELOPER);
    }

    assertThat(store.list(DEMO, job -> true)).hasSize(2);
    assertThat(ids(store.list(OTHER, job -> true))).containsExactly(other.getId());
  }

  @Test
  void aHundredThousandCreatesHoldNoMoreThanTheLimit() {
    JobStore store = new JobStore(clock, 1000);
    for (int i = 0; i < 100_000; i++) {
      store.create(DEMO, MANIFEST, null, DemoData.DEVELOPER);
      if (i % 100 == 0) {
        store.step();
      }
    }

    assertThat(store.size()).isEqualTo(1000);
  }

  @Test
  void aSnapshotRestoredKeepsTheLimitAndTheOrder() {
    JobStore store = new JobStore(clock, 2);
    WorldJob first = insert(store, DEMO, WorldJobStatus.COMPLETED, 0);
    WorldJob second = insert(store, DEMO, WorldJobStatus.COMPLETED, 10);
    JobStore.Snapshot snapshot = store.snapshot();
    store.create(DEMO, MANIFEST, null, DemoData.DEVELOPER);

    store.restore(snapshot);
    WorldJob third = store.create(DEMO, MANIFEST, null, DemoData.DEVELOPER);

    assertThat(ids(store.list(DEMO, job -> true)))
        .containsExactlyInAnyOrder(second.getId(), third.getId());
    assertThat(first.getId()).isNotIn(ids(store.list(DEMO, job -> true)));
  }

  private static WorldJob insert(
      JobStore store, Workspaces.Key workspace, WorldJobStatus status, int minutes) {
    return store.insert(
        workspace, MANIFEST, status, T0.plusSeconds(60L * minutes), DemoData.DEVELOPER, null);
  }

  private static List<String> ids(List<WorldJob> jobs) {
    return jobs.stream().map(WorldJob::getId).toList();
  }
}
