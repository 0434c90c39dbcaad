package dev.worldsapi.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.jspecify.annotations.NullMarked;

/** What a job produces (spec: {@code WorldJobKind}); open to values a newer server adds. */
@NullMarked
public final class JobKind extends OpenEnum<JobKind.Known> {

  /** The kinds this client version knows. */
  public enum Known {
    MANIFEST_GENERATION,
    TRAJECTORY_GENERATION
  }

  public static final JobKind MANIFEST_GENERATION = new JobKind("manifest_generation");
  public static final JobKind TRAJECTORY_GENERATION = new JobKind("trajectory_generation");

  private JobKind(String value) {
    super(value, Known.class);
  }

  /** The kind with this JSON value, known or not. */
  @JsonCreator
  public static JobKind of(String value) {
    return new JobKind(value);
  }
}
