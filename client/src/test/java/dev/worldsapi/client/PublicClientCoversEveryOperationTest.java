package dev.worldsapi.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldsapi.spec.PackagedSpec;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the spec is reachable through the public client, not only through the internal
 * generated Feign interface. An operation added to the spec fails this test, by name, until it has
 * a public method here.
 */
class PublicClientCoversEveryOperationTest {

  /** operationId → the public method that calls it. */
  private static final Map<String, Method> PUBLIC_METHODS =
      Map.of(
          "list_world_jobs", method(JobsResource.class, "list"),
          "get_world_job", method(JobsResource.class, "get"),
          "cancel_world_job", method(JobsResource.class, "cancel"),
          "create_world_manifest", method(ManifestsResource.class, "create"),
          "create_world_trajectory", method(TrajectoriesResource.class, "create"));

  @Test
  void everyOperationOfTheSpecHasAPublicClientMethod() {
    Set<String> operations = new TreeSet<>();
    PackagedSpec.load()
        .getPaths()
        .values()
        .forEach(item -> item.readOperations().forEach(op -> operations.add(op.getOperationId())));

    assertThat(operations)
        .as(
            "operations without a public client method: add one (JobsResource, ManifestsResource,"
                + " TrajectoriesResource or a new resource) and list it here")
        .isSubsetOf(PUBLIC_METHODS.keySet());
    assertThat(PUBLIC_METHODS.keySet())
        .as("operations the spec no longer has")
        .isSubsetOf(operations);
  }

  private static Method method(Class<?> type, String name) {
    return Arrays.stream(type.getMethods())
        .filter(m -> m.getName().equals(name) && Modifier.isPublic(m.getModifiers()))
        .findFirst()
        .orElseThrow(() -> new AssertionError(type.getSimpleName() + " has no public " + name));
  }
}
