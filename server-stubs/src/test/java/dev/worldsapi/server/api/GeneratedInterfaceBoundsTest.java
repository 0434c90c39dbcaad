package dev.worldsapi.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldsapi.spec.PackagedSpec;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every bound and default the spec states on a parameter or request property is carried by the
 * generated interface and models as a Jakarta annotation, so a JAX-RS runtime enforces it.
 */
class GeneratedInterfaceBoundsTest {

  private static final OpenAPI SPEC = PackagedSpec.load();

  static Stream<String> operationIds() {
    return SPEC.getPaths().values().stream()
        .flatMap(item -> item.readOperations().stream())
        .map(Operation::getOperationId);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operationIds")
  void parametersCarryTheSpecsBoundsAndDefaults(String operationId) {
    Operation operation = operation(operationId);
    Method method = method(WorldsJobsApi.class, camel(operationId, false));
    List<String> checked = new ArrayList<>();
    List<String> mismatches = new ArrayList<>();

    for (Parameter parameter : operation.getParameters()) {
      java.lang.reflect.Parameter javaParameter =
          Arrays.stream(method.getParameters())
              .filter(p -> parameter.getName().equals(wireName(p)))
              .findFirst()
              .orElseThrow(
                  () ->
                      new AssertionError(
                          operationId + " has no Java parameter for " + parameter.getName()));
      compare(
          parameter.getName(),
          parameter.getSchema(),
          javaParameter.getAnnotations(),
          checked,
          mismatches);
      Object dflt = parameter.getSchema().getDefault();
      if (dflt != null) {
        checked.add(parameter.getName() + " default");
        DefaultValue annotation = javaParameter.getAnnotation(DefaultValue.class);
        if (annotation == null || !annotation.value().equals(dflt.toString())) {
          mismatches.add(parameter.getName() + ": @DefaultValue(\"" + dflt + "\") expected");
        }
      }
    }

    assertThat(mismatches).as("%s parameters", operationId).isEmpty();
    assertThat(checked).as("constraints checked on %s", operationId).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"CreateWorldManifestRequest", "CreateWorldTrajectoryRequest"})
  void requestPropertiesCarryTheSpecsBoundsAndRequiredness(String schemaName) throws Exception {
    Schema<?> schema = SPEC.getComponents().getSchemas().get(schemaName);
    Class<?> model = Class.forName("dev.worldsapi.server.model." + schemaName);
    List<String> checked = new ArrayList<>();
    List<String> mismatches = new ArrayList<>();

    for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
      Method getter = method(model, "get" + camel(property.getKey(), true));
      compare(property.getKey(), property.getValue(), getter.getAnnotations(), checked, mismatches);
      boolean required =
          schema.getRequired() != null && schema.getRequired().contains(property.getKey());
      if (required != getter.isAnnotationPresent(NotNull.class)) {
        mismatches.add(property.getKey() + ": @NotNull " + (required ? "missing" : "unexpected"));
      }
    }

    assertThat(mismatches).as("%s properties", schemaName).isEmpty();
    assertThat(checked).as("bounds checked on %s", schemaName).isNotEmpty();
  }

  private static void compare(
      String name,
      Schema<?> schema,
      java.lang.annotation.Annotation[] annotations,
      List<String> checked,
      List<String> mismatches) {
    Min min = find(annotations, Min.class);
    Max max = find(annotations, Max.class);
    Size size = find(annotations, Size.class);
    if (schema.getMinimum() != null) {
      checked.add(name + " minimum");
      if (min == null || min.value() != schema.getMinimum().longValueExact()) {
        mismatches.add(name + ": @Min(" + schema.getMinimum() + ") expected, found " + min);
      }
    }
    if (schema.getMaximum() != null) {
      checked.add(name + " maximum");
      if (max == null || max.value() != schema.getMaximum().longValueExact()) {
        mismatches.add(name + ": @Max(" + schema.getMaximum() + ") expected, found " + max);
      }
    }
    if (schema.getMinLength() != null) {
      checked.add(name + " minLength");
      if (size == null || size.min() != schema.getMinLength()) {
        mismatches.add(name + ": @Size(min=" + schema.getMinLength() + ") expected, found " + size);
      }
    }
  }

  private static <A extends java.lang.annotation.Annotation> A find(
      java.lang.annotation.Annotation[] all, Class<A> type) {
    return Arrays.stream(all).filter(type::isInstance).map(type::cast).findFirst().orElse(null);
  }

  private static String wireName(java.lang.reflect.Parameter parameter) {
    QueryParam query = parameter.getAnnotation(QueryParam.class);
    if (query != null) {
      return query.value();
    }
    HeaderParam header = parameter.getAnnotation(HeaderParam.class);
    if (header != null) {
      return header.value();
    }
    PathParam path = parameter.getAnnotation(PathParam.class);
    return path == null ? null : path.value();
  }

  private static Operation operation(String operationId) {
    return SPEC.getPaths().values().stream()
        .flatMap(item -> item.readOperations().stream())
        .filter(op -> operationId.equals(op.getOperationId()))
        .findFirst()
        .orElseThrow();
  }

  private static Method method(Class<?> type, String name) {
    return Arrays.stream(type.getMethods())
        .filter(m -> m.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(type.getSimpleName() + " has no method " + name));
  }

  /** {@code list_world_jobs} → {@code listWorldJobs}; {@code num_users} → {@code NumUsers}. */
  private static String camel(String snake, boolean upperFirst) {
    StringBuilder out = new StringBuilder();
    for (String part : snake.split("_")) {
      out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return upperFirst ? out.toString() : Character.toLowerCase(out.charAt(0)) + out.substring(1);
  }
}
