package dev.worldsapi.client.waiting;

import dev.worldsapi.client.errors.WorldsException;
import dev.worldsapi.client.model.WorldJob;
import java.time.Duration;

/**
 * The job did not end within the wait's timeout. The job was not cancelled: it goes on on the
 * server, and {@link #lastSeen()} is its record as last polled.
 */
public final class JobWaitTimeoutException extends WorldsException {

  private static final long serialVersionUID = 1L;

  private final transient WorldJob lastSeen;
  private final transient Duration timeout;

  public JobWaitTimeoutException(WorldJob lastSeen, Duration timeout) {
    super(
        "job "
            + lastSeen.id()
            + " is still "
            + lastSeen.status()
            + " after waiting "
            + timeout
            + "; it was not cancelled");
    this.lastSeen = lastSeen;
    this.timeout = timeout;
  }

  public WorldJob lastSeen() {
    return lastSeen;
  }

  public Duration timeout() {
    return timeout;
  }
}
