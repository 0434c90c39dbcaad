package dev.worldsapi.reference.controls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldsapi.server.api.WorldsJobsApi;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** The operations faults can aim at are the spec's, and each is found from its resource method. */
class OperationTest {

  private static final OpenAPI SPEC =
      new OpenAPIV3Parser()
          .read(
              Objects.requireNonNull(
                      OperationTest.class.getClassLoader().getResource("openapi.yaml"))
                  .toString());

  @Test
  void theOperationsAreExactlyTheSpecsOperationIds() {
    List<String> specIds =
        SPEC.getPaths().values().stream()
            .flatMap(item -> item.readOperations().stream())
            .map(io.swagger.v3.oas.models.Operation::getOperationId)
            .toList();

    assertThat(Arrays.stream(Operation.values()).map(Operation::operationId))
        .containsExactlyInAnyOrderElementsOf(specIds);
  }

  @Test
  void everyGeneratedResourceMethodIsFoundAsItsOperation() {
    List<Method> methods = Arrays.asList(WorldsJobsApi.class.getDeclaredMethods());

    assertThat(methods.stream().map(Operation::implementedBy))
        .allSatisfy(operation -> assertThat(operation).isPresent())
        .extracting(java.util.Optional::get)
        .containsExactlyInAnyOrder(Operation.values());
  }
}
