package dev.worldsapi.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.jspecify.annotations.NullMarked;

/** The kind of resource a job produces (spec: {@code WorldResourceType}); open to new values. */
@NullMarked
public final class ResourceType extends OpenEnum<ResourceType.Known> {

  /** The resource types this client version knows. */
  public enum Known {
    MANIFEST,
    TRAJECTORY,
    TRAJECTORY_BATCH
  }

  public static final ResourceType MANIFEST = new ResourceType("manifest");
  public static final ResourceType TRAJECTORY = new ResourceType("trajectory");
  public static final ResourceType TRAJECTORY_BATCH = new ResourceType("trajectory_batch");

  private ResourceType(String value) {
    super(value, Known.class);
  }

  /** The resource type with this JSON value, known or not. */
  @JsonCreator
  public static ResourceType of(String value) {
    return new ResourceType(value);
  }
}
