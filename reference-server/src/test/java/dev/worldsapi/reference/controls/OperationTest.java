package dev.worldsapi.reference.controls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldsapi.server.api.WorldsJobsApi;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The generated {@link Operation} enum is the spec's operations, and each resource method of the
 * generated JAX-RS interface is found as its operation.
 */
class OperationTest {

  private static final OpenAPI SPEC =
      new OpenAPIV3Parser()
          .read(
              Objects.requireNonNull(
                      OperationTest.class.getClassLoader().getResource("openapi.yaml"))
                  .toString());

  @Test
  void theOperationsAreExactlyTheSpecsOperationIdsWithTheirMethodsAndPaths() {
    List<String> spec =
        SPEC.getPaths().entrySet().stream()
            .flatMap(
                path ->
                    path.getValue().readOperationsMap().entrySet().stream()
                        .map(
                            op ->
                                op.getValue().getOperationId()
                                    + " "
                                    + op.getKey()
                                    + " "
                                    + path.getKey()))
            .toList();

    assertThat(
            Arrays.stream(Operation.values())
                .map(o -> o.operationId() + " " + o.httpMethod() + " " + o.path()))
        .containsExactlyInAnyOrderElementsOf(spec);
  }

  @Test
  void everyGeneratedResourceMethodIsFoundAsItsOperation() {
    for (Method method : WorldsJobsApi.class.getDeclaredMethods()) {
      Optional<Operation> operation = Operation.implementedBy(method);
      assertThat(operation)
          .as(
              "%s.%s is no Operation: the enum is generated from openapi.yaml by the"
                  + " reference-server build (generate-operation-enum); rebuild with ./mvnw"
                  + " verify, and check that the server stubs were generated from the same spec",
              WorldsJobsApi.class.getSimpleName(), method.getName())
          .isPresent();
    }
    assertThat(
            Arrays.stream(WorldsJobsApi.class.getDeclaredMethods())
                .map(Operation::implementedBy)
                .flatMap(Optional::stream))
        .containsExactlyInAnyOrder(Operation.values());
  }

  @Test
  void aMethodOfAnotherNameIsNoOperation() throws NoSuchMethodException {
    assertThat(Operation.implementedBy(Object.class.getMethod("toString"))).isEmpty();
  }
}
