package dev.worldsapi.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.jspecify.annotations.NullMarked;

/**
 * Where a job is in its lifecycle (spec: {@code WorldJobStatus}): {@code queued} → {@code running}
 * → {@code completed} | {@code failed} | {@code cancelled}. Open to values a newer server adds; an
 * unknown status is not terminal.
 */
@NullMarked
public final class JobStatus extends OpenEnum<JobStatus.Known> {

  /** The statuses this client version knows. */
  public enum Known {
    QUEUED,
    RUNNING,
    COMPLETED,
    FAILED,
    CANCELLED
  }

  public static final JobStatus QUEUED = new JobStatus("queued");
  public static final JobStatus RUNNING = new JobStatus("running");
  public static final JobStatus COMPLETED = new JobStatus("completed");
  public static final JobStatus FAILED = new JobStatus("failed");
  public static final JobStatus CANCELLED = new JobStatus("cancelled");

  private JobStatus(String value) {
    super(value, Known.class);
  }

  /** The status with this JSON value, known or not. */
  @JsonCreator
  public static JobStatus of(String value) {
    return new JobStatus(value);
  }

  /** Whether the job has ended: {@code completed}, {@code failed} or {@code cancelled}. */
  public boolean isTerminal() {
    return known()
        .map(k -> k == Known.COMPLETED || k == Known.FAILED || k == Known.CANCELLED)
        .orElse(false);
  }
}
