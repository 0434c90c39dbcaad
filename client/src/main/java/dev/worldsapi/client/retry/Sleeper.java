package dev.worldsapi.client.retry;

import java.time.Duration;

/**
 * Waits. The client waits only through a {@code Sleeper}, so tests can record the waits instead of
 * sleeping. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Sleeper {

  /** Blocks the calling thread for the duration. */
  Sleeper SYSTEM =
      duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

  void sleep(Duration duration) throws InterruptedException;
}
