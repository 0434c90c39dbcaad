package dev.worldsapi.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The generated base of test doubles implements every method of the generated interface, each
 * failing with a sentence that names its operation and the double, so that a double extending it
 * compiles whatever the spec adds and tells a test which call it did not expect.
 */
class TestDoubleBaseTest {

  private static final class Empty extends WorldsJobsApiTestDouble {}

  @TestFactory
  Stream<DynamicTest> everyOperationOfTheInterfaceFailsNamingItself() {
    Method[] operations = WorldsJobsApi.class.getMethods();
    assertThat(operations).as("the interface's operations").isNotEmpty();
    WorldsJobsApi empty = new Empty();
    return Arrays.stream(operations)
        .map(
            operation ->
                DynamicTest.dynamicTest(
                    operation.getName(),
                    () ->
                        assertThatThrownBy(
                                () -> {
                                  try {
                                    operation.invoke(
                                        empty, new Object[operation.getParameterCount()]);
                                  } catch (InvocationTargetException e) {
                                    throw e.getCause();
                                  }
                                })
                            .isInstanceOf(UnsupportedOperationException.class)
                            .hasMessageContaining("is not implemented by this test double")
                            .hasMessageContaining(Empty.class.getName())
                            .hasMessageContaining(snakeCase(operation.getName()))));
  }

  /** {@code get_world_job} for {@code getWorldJob}: the spec's operationId the message names. */
  private static String snakeCase(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }
}
