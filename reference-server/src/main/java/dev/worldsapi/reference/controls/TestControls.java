package dev.worldsapi.reference.controls;

import dev.worldsapi.reference.DemoData;
import dev.worldsapi.reference.JobStore;
import dev.worldsapi.reference.JobWorker;
import dev.worldsapi.reference.Workspaces;
import dev.worldsapi.server.model.UserIdentity;
import dev.worldsapi.server.model.WorldJob;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reference server's test controls: its data, the faults armed for the next requests, the
 * requests it received, and its job worker. The one way a test sets the server up, in-process (the
 * test kit) and over HTTP (the provider-state endpoint of {@code --test-mode}) alike. Thread-safe.
 */
public final class TestControls {

  private final JobStore store;
  private final Workspaces workspaces;
  private final Faults faults;
  private final RequestJournal journal;
  private final JobWorker worker;
  private final Clock clock;
  private final String token;

  public TestControls(
      JobStore store,
      Workspaces workspaces,
      Faults faults,
      RequestJournal journal,
      JobWorker worker,
      Clock clock,
      String token) {
    this.store = store;
    this.workspaces = workspaces;
    this.faults = faults;
    this.journal = journal;
    this.worker = worker;
    this.clock = clock;
    this.token = token;
  }

  /** The one bearer token the server accepts. */
  public String token() {
    return token;
  }

  /** The caller the token stands for: the identity shown on the jobs it creates. */
  public UserIdentity caller() {
    return DemoData.DEVELOPER;
  }

  /** The server's clock: creation, start and end times of jobs come from it. */
  public Clock clock() {
    return clock;
  }

  /** The workspace open to the caller that the demo data lives in: {@code demo/sandbox}. */
  public Workspaces.Key defaultWorkspace() {
    return DemoData.SANDBOX;
  }

  /** A workspace the caller may not use: {@code demo/restricted} (403). */
  public Workspaces.Key forbiddenWorkspace() {
    return new Workspaces.Key(DemoData.ORG, DemoData.RESTRICTED_WORKSPACE);
  }

  /**
   * Adds a workspace that the caller may use or not (requests to one it may not use answer 403); a
   * workspace that exists keeps its jobs and takes the new access.
   */
  public Workspaces.Key addWorkspace(String org, String workspace, boolean callerMayUse) {
    workspaces.add(
        org, workspace, callerMayUse ? Set.of(DemoData.DEVELOPER_CALLER.id()) : Set.of());
    return new Workspaces.Key(org, workspace);
  }

  /** Puts a job in place as the fixture says and returns it as the API shows it. */
  public WorldJob insert(JobFixture fixture) {
    JobStore.Plan plan =
        new JobStore.Plan(
            fixture.kind(),
            fixture.resourceType(),
            fixture.resources(),
            fixture.fails(),
            fixture.error());
    return store.insert(
        fixture.workspace(),
        plan,
        fixture.status(),
        fixture.createdAt(),
        fixture.creator(),
        fixture.projectId(),
        fixture.advances());
  }

  /** The jobs of a workspace, newest first, as the API shows them. */
  public List<WorldJob> jobs(Workspaces.Key workspace) {
    return store.list(workspace, job -> true);
  }

  /** The faults armed for the next requests. */
  public Faults faults() {
    return faults;
  }

  /** The requests received since the last reset, oldest first. */
  public List<ReceivedRequest> received() {
    return journal.received();
  }

  /**
   * Moves every unfinished job one step of its lifecycle: a cancellation request ends a job, a
   * queued job starts, a running one progresses and, after its last step, completes or fails.
   * Returns how many jobs changed.
   */
  public int step() {
    return worker.step();
  }

  /** The server's data as it is now, for {@link #restore(Snapshot)}: its jobs and workspaces. */
  public record Snapshot(JobStore.Snapshot jobs, Map<Workspaces.Key, Set<String>> workspaces) {}

  /** Copies the jobs and workspaces as they are now. */
  public Snapshot snapshot() {
    return new Snapshot(store.snapshot(), workspaces.snapshot());
  }

  /**
   * Back to a snapshot: its jobs and workspaces as they were, no armed faults (delayed requests are
   * released), no requests remembered.
   */
  public void restore(Snapshot snapshot) {
    faults.clear();
    store.restore(snapshot.jobs());
    workspaces.restore(snapshot.workspaces());
    journal.clear();
  }

  /**
   * Back to the start: no jobs (the demo jobs again if {@code seed}), the demo workspaces only, no
   * armed faults (delayed requests answer now), no requests remembered.
   */
  public void reset(boolean seed) {
    faults.clear();
    store.clear();
    workspaces.clear();
    DemoData.addWorkspaces(workspaces);
    if (seed) {
      DemoData.seedJobs(store, clock.instant());
    }
    journal.clear();
  }
}
