package dev.worldsapi.client.retry;

import dev.worldsapi.client.errors.WorldsException;
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

  /**
   * Sleeps, turning an interruption into a {@link WorldsException} that says what was being waited
   * for, with the thread's interrupt flag set again.
   */
  default void sleepFor(Duration duration, String waitingFor) {
    try {
      sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WorldsException("interrupted while waiting " + waitingFor, e);
    }
  }
}
