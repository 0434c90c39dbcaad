package dev.worldsapi.reference.controls;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API's operations, by the spec's {@code operationId}, for aiming a {@link Fault} at one of
 * them or finding the requests one received. A test keeps this list equal to the spec's.
 */
public enum Operation {
  LIST_WORLD_JOBS,
  GET_WORLD_JOB,
  CANCEL_WORLD_JOB,
  CREATE_WORLD_MANIFEST,
  CREATE_WORLD_TRAJECTORY;

  /** The spec's {@code operationId}, e.g. {@code list_world_jobs}. */
  public String operationId() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The operation a resource method implements: the generated interface names each method after its
   * {@code operationId} in camel case ({@code listWorldJobs} for {@code list_world_jobs}).
   */
  static Optional<Operation> implementedBy(Method method) {
    return Lookup.BY_METHOD.computeIfAbsent(
        method,
        m -> {
          String snake =
              m.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
          return Arrays.stream(values()).filter(o -> o.operationId().equals(snake)).findFirst();
        });
  }

  /** Asked twice per request (faults, received requests); the resource methods are few. */
  private static final class Lookup {
    static final Map<Method, Optional<Operation>> BY_METHOD = new ConcurrentHashMap<>();
  }
}
