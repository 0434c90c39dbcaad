package dev.worldsapi.client.surface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every params type refuses what its operation's query parameters refuse in the spec, and keeps
 * what they allow. The cases are made from openapi.yaml: for each bound, the values just outside it
 * (refused, with a message naming the field) and the bound itself (kept); for each enum, every
 * value (kept) and one it does not list (refused); for each required parameter, a build without it
 * (refused).
 */
class ParamsFollowTheSpecTest {

  @TestFactory
  Stream<DynamicTest> everyParamsSetterChecksWhatTheSpecStates() {
    List<DynamicTest> tests = new ArrayList<>();
    for (SpecOperations.Op op : SpecOperations.all()) {
      if (op.queryParams().isEmpty()) {
        continue;
      }
      Class<?> params = paramsClass(op);
      for (Parameter parameter : op.queryParams()) {
        cases(op, params, parameter, tests);
      }
    }
    assertThat(tests).as("cases made from the spec").isNotEmpty();
    return tests.stream();
  }

  private static void cases(
      SpecOperations.Op op, Class<?> params, Parameter parameter, List<DynamicTest> tests) {
    String specName = parameter.getName();
    String javaName = SpecOperations.camel(specName, false);
    Method setter = setter(params, javaName, op);
    Schema<?> schema = parameter.getSchema();
    String prefix = op.operationId() + " " + specName + ": ";
    Class<?> type = setter.getParameterTypes()[0];

    if (type == Integer.class || type == Long.class) {
      Long min = SpecOperations.bound(schema.getMinimum());
      Long max = SpecOperations.bound(schema.getMaximum());
      long lowest = type == Integer.class ? Integer.MIN_VALUE : Long.MIN_VALUE;
      long highest = type == Integer.class ? Integer.MAX_VALUE : Long.MAX_VALUE;
      if (min != null) {
        tests.add(kept(prefix + "its minimum " + min, params, setter, number(type, min)));
        if (min > lowest) {
          tests.add(
              refused(
                  prefix + "below its minimum",
                  params,
                  setter,
                  number(type, min - 1),
                  javaName,
                  specName));
        }
      }
      if (max != null) {
        tests.add(kept(prefix + "its maximum " + max, params, setter, number(type, max)));
        if (max < highest) {
          tests.add(
              refused(
                  prefix + "above its maximum",
                  params,
                  setter,
                  number(type, max + 1),
                  javaName,
                  specName));
        }
      }
    }
    if (type == String.class) {
      Integer minLength = schema.getMinLength();
      Integer maxLength = schema.getMaxLength();
      if (minLength != null) {
        tests.add(kept(prefix + "its minimum length", params, setter, "x".repeat(minLength)));
        if (minLength > 0) {
          tests.add(
              refused(
                  prefix + "shorter than its minimum length",
                  params,
                  setter,
                  "x".repeat(minLength - 1),
                  javaName,
                  specName));
        }
      }
      if (maxLength != null) {
        tests.add(kept(prefix + "its maximum length", params, setter, "x".repeat(maxLength)));
        tests.add(
            refused(
                prefix + "longer than its maximum length",
                params,
                setter,
                "x".repeat(maxLength + 1),
                javaName,
                specName,
                // The length, not the value: a refusal does not echo a long input back.
                "got " + (maxLength + 1)));
      }
    }
    List<String> values = SpecOperations.enumValues(schema);
    if (!values.isEmpty()) {
      for (String value : values) {
        tests.add(kept(prefix + "its value " + value, params, setter, enumValue(type, value)));
      }
      tests.add(
          refused(
              prefix + "a value its enum does not list",
              params,
              setter,
              enumValue(type, "not-a-listed-value"),
              javaName,
              specName));
    }
    if (type == UUID.class) {
      tests.add(kept(prefix + "a uuid", params, setter, UUID.randomUUID()));
    }
    if (Boolean.TRUE.equals(parameter.getRequired())) {
      tests.add(
          DynamicTest.dynamicTest(
              prefix + "required, so a build without it is refused",
              () -> {
                Object builder = params.getMethod("builder").invoke(null);
                assertThatThrownBy(
                        () -> unwrap(() -> builder.getClass().getMethod("build").invoke(builder)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(javaName);
              }));
    }
    if (!Boolean.TRUE.equals(parameter.getRequired())) {
      tests.add(kept(prefix + "unset with null", params, setter, null));
    }
  }

  private static DynamicTest kept(String name, Class<?> params, Method setter, Object value) {
    return DynamicTest.dynamicTest(
        name + " is kept",
        () -> {
          Object builder = params.getMethod("builder").invoke(null);
          setter.invoke(builder, value);
          Object built = builder.getClass().getMethod("build").invoke(builder);
          Object read = params.getMethod(setter.getName()).invoke(built);
          assertThat(read).isEqualTo(value);
        });
  }

  private static DynamicTest refused(
      String name, Class<?> params, Method setter, Object value, String javaName, String specName) {
    return refused(name, params, setter, value, javaName, specName, String.valueOf(value));
  }

  private static DynamicTest refused(
      String name,
      Class<?> params,
      Method setter,
      Object value,
      String javaName,
      String specName,
      String said) {
    String shown = String.valueOf(value);
    return DynamicTest.dynamicTest(
        name
            + " ("
            + (shown.length() > 40 ? shown.length() + " characters" : shown)
            + ") is refused",
        () -> {
          Object builder = params.getMethod("builder").invoke(null);
          assertThatThrownBy(() -> unwrap(() -> setter.invoke(builder, value)))
              .isInstanceOf(IllegalArgumentException.class)
              .hasMessageContaining(javaName)
              .hasMessageContaining(specName)
              .hasMessageContaining(said);
        });
  }

  private static void unwrap(ThrowingCall call) throws Throwable {
    try {
      call.run();
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private interface ThrowingCall {
    void run() throws Exception;
  }

  private static Object number(Class<?> type, long value) {
    // Not a conditional expression: that would promote the Integer to a long.
    if (type == Integer.class) {
      return Integer.valueOf((int) value);
    }
    return Long.valueOf(value);
  }

  /** A value of the setter's type: the text itself, or the open enum's {@code of(text)}. */
  private static Object enumValue(Class<?> type, String value) {
    if (type == String.class) {
      return value;
    }
    try {
      return type.getMethod("of", String.class).invoke(null, value);
    } catch (ReflectiveOperationException e) {
      try {
        return type.getMethod("fromValue", String.class).invoke(null, value);
      } catch (ReflectiveOperationException again) {
        throw new AssertionError(type + " has no of(String) or fromValue(String)", again);
      }
    }
  }

  private static Class<?> paramsClass(SpecOperations.Op op) {
    try {
      return Class.forName(op.paramsClassName());
    } catch (ClassNotFoundException e) {
      throw new AssertionError(
          op.operationId()
              + " has query parameters but no "
              + op.paramsClassName()
              + ": params types are generated from openapi.yaml; rebuild",
          e);
    }
  }

  private static Method setter(Class<?> params, String javaName, SpecOperations.Op op) {
    try {
      Class<?> builder = params.getMethod("builder").getReturnType();
      for (Method method : builder.getMethods()) {
        if (method.getName().equals(javaName) && method.getParameterCount() == 1) {
          return method;
        }
      }
    } catch (NoSuchMethodException e) {
      throw new AssertionError(params + " has no builder()", e);
    }
    throw new AssertionError(
        params.getSimpleName() + ".Builder has no " + javaName + "(...) for " + op.operationId());
  }
}
