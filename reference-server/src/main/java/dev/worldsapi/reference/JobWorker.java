package dev.worldsapi.reference;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The simulated worker: calls {@link JobStore#step()} every {@code step}. With a zero step it never
 * runs on its own, and tests drive it with {@link #step()}.
 */
public final class JobWorker implements AutoCloseable {

  private final JobStore store;
  private final ScheduledExecutorService scheduler;

  public JobWorker(JobStore store, Duration step) {
    this.store = store;
    if (step.isZero()) {
      this.scheduler = null;
    } else {
      this.scheduler =
          Executors.newSingleThreadScheduledExecutor(
              runnable -> {
                Thread thread = new Thread(runnable, "worlds-job-worker");
                thread.setDaemon(true);
                return thread;
              });
      scheduler.scheduleAtFixedRate(
          store::step, step.toMillis(), step.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Advances every unfinished job one step now. */
  public int step() {
    return store.step();
  }

  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }
}
