package dev.worldsapi.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class OpenApiDocumentTest {

  private static final String BASE = "/api/v1/org/{org}/ws/{workspace}/worlds";
  private static final OpenAPI SPEC = PackagedSpec.load();

  /** The documented platform-wide error set, with the reusable response each one refers to. */
  private static final Map<String, String> ERROR_RESPONSES =
      Map.ofEntries(
          Map.entry("400", "BadRequest"),
          Map.entry("401", "Unauthorized"),
          Map.entry("403", "Forbidden"),
          Map.entry("404", "NotFound"),
          Map.entry("405", "MethodNotAllowed"),
          Map.entry("406", "NotAcceptable"),
          Map.entry("408", "RequestTimeout"),
          Map.entry("409", "Conflict"),
          Map.entry("414", "UriTooLong"),
          Map.entry("422", "ValidationFailed"),
          Map.entry("426", "UpgradeRequired"),
          Map.entry("429", "RateLimited"),
          Map.entry("431", "RequestHeaderFieldsTooLarge"),
          Map.entry("500", "InternalServerError"),
          Map.entry("502", "BadGateway"),
          Map.entry("504", "GatewayTimeout"));

  /**
   * Every operation of the spec, as (method, path, operationId): the checks below hold for each.
   */
  static Stream<Arguments> operations() {
    return SPEC.getPaths().entrySet().stream()
        .flatMap(
            path ->
                path.getValue().readOperationsMap().entrySet().stream()
                    .map(
                        op ->
                            Arguments.of(
                                op.getKey().name(),
                                path.getKey(),
                                op.getValue().getOperationId())));
  }

  @Test
  void packagedSpecIsAValidOpenApi303Document() {
    assertThat(SPEC.getOpenapi()).isEqualTo("3.0.3");
    assertThat(SPEC.getPaths().keySet())
        .as("paths")
        .allSatisfy(
            path -> assertThat(SPEC.getPaths().get(path).readOperations()).as(path).isNotEmpty());
  }

  @ParameterizedTest(name = "{0} {1} is {2}")
  @CsvSource({
    "GET,  " + BASE + "/jobs, list_world_jobs",
    "GET,  " + BASE + "/jobs/{job_id}, get_world_job",
    "POST, " + BASE + "/jobs/{job_id}/cancel, cancel_world_job",
    "POST, " + BASE + "/manifests, create_world_manifest",
    "POST, " + BASE + "/trajectories, create_world_trajectory",
  })
  void theDocumentedOperationsKeepTheirPathsAndIds(String method, String path, String operationId) {
    assertThat(operation(method, path).getOperationId()).isEqualTo(operationId);
  }

  @Test
  void operationIdsAreUniqueSnakeCase() {
    List<String> ids = operations().map(args -> (String) args.get()[2]).toList();
    assertThat(ids)
        .doesNotHaveDuplicates()
        .allMatch(id -> id != null && id.matches("[a-z][a-z0-9_]*"));
  }

  @Test
  void invalidDocumentFailsWithAMessageNamingItsLocation() {
    var broken = getClass().getClassLoader().getResource("invalid/openapi.yaml");
    assertThatThrownBy(() -> PackagedSpec.load(broken))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("The spec at " + broken)
        .hasMessageContaining("is not a valid OpenAPI 3.0 document");
  }

  @ParameterizedTest(name = "{0} {1} ({2})")
  @MethodSource("operations")
  void declaresOperationWithIdTagSummaryAndDescription(
      String method, String path, String operationId) {
    Operation operation = operation(method, path);
    assertThat(operation.getOperationId()).isEqualTo(operationId);
    assertThat(operation.getTags()).containsExactly("Worlds jobs");
    assertThat(operation.getSummary()).isNotBlank();
    assertThat(operation.getDescription()).isNotBlank();
    assertThat(operation.getResponses().get("200")).as("200 response").isNotNull();
  }

  @ParameterizedTest(name = "{2} declares 400..504 by reference")
  @MethodSource("operations")
  void declaresTheFullErrorSetByReferenceToSharedResponses(
      String method, String path, String operationId) {
    Map<String, ApiResponse> responses = operation(method, path).getResponses();
    Map<String, String> expected = new java.util.HashMap<>(ERROR_RESPONSES);
    if (operation(method, path).getRequestBody() != null) {
      expected.put("413", "PayloadTooLarge");
      expected.put("415", "UnsupportedMediaType");
    }
    expected.forEach(
        (status, component) ->
            assertThat(responses.get(status))
                .as("%s response %s", operationId, status)
                .isNotNull()
                .extracting(ApiResponse::get$ref)
                .isEqualTo("#/components/responses/" + component));
    assertThat(responses.keySet())
        .containsExactlyInAnyOrderElementsOf(
            Stream.concat(Stream.of("200"), expected.keySet().stream()).toList());
  }

  @ParameterizedTest(name = "{0} carries the error envelope")
  @MethodSource("errorComponents")
  void everySharedErrorResponseCarriesTheEnvelope(String component) {
    ApiResponse response = SPEC.getComponents().getResponses().get(component);
    MediaType json = response.getContent().get("application/json");
    assertThat(json.getSchema().get$ref()).isEqualTo("#/components/schemas/ErrorEnvelope");
    assertThat(json.getExample()).as("example of %s", component).isNotNull();
    // The vocabulary is stated once, as extensions; the example shows the same type.
    Map<String, Object> extensions = response.getExtensions();
    assertThat(extensions).as("extensions of %s", component).containsKey("x-worlds-exception");
    assertThat(((com.fasterxml.jackson.databind.JsonNode) json.getExample()).path("type").asText())
        .as("the example's type of %s", component)
        .isEqualTo(extensions.get("x-worlds-error-type"));
  }

  static Stream<String> errorComponents() {
    return Stream.concat(
            ERROR_RESPONSES.values().stream(), Stream.of("UnsupportedMediaType", "PayloadTooLarge"))
        .sorted();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("operations")
  void everyResponseOfEveryOperationHasAnExample(String method, String path) {
    operation(method, path)
        .getResponses()
        .forEach(
            (status, response) -> {
              ApiResponse resolved = resolve(response);
              resolved
                  .getContent()
                  .forEach(
                      (mediaType, content) ->
                          assertThat(
                                  content.getExample() != null
                                      || (content.getExamples() != null
                                          && !content.getExamples().isEmpty()))
                              .as(
                                  "%s %s response %s (%s) has an example",
                                  method, path, status, mediaType)
                              .isTrue());
            });
  }

  @Test
  void errorEnvelopeHasCodeDetailTypeAndOptionalValidationErrors() {
    Schema<?> envelope = schema("ErrorEnvelope");
    assertThat(envelope.getRequired()).containsExactlyInAnyOrder("code", "detail", "type");
    assertThat(envelope.getProperties()).containsOnlyKeys("code", "detail", "type", "errors");
    assertThat(property(envelope, "code").getType()).isEqualTo("integer");
    assertThat(property(envelope, "detail").getType()).isEqualTo("string");
    assertThat(property(envelope, "type").getType()).isEqualTo("string");
    assertThat(property(envelope, "type").getEnum()).as("type stays an open string").isNull();
    Schema<?> errors = property(envelope, "errors");
    assertThat(errors.getType()).isEqualTo("array");
    assertThat(errors.getItems().get$ref()).isEqualTo("#/components/schemas/ValidationError");

    Schema<?> validationError = schema("ValidationError");
    assertThat(validationError.getRequired()).containsExactlyInAnyOrder("loc", "msg", "type");
    assertThat(property(validationError, "loc").getItems().get$ref())
        .isEqualTo("#/components/schemas/ValidationErrorLocation");
    List<String> locationTypes =
        schema("ValidationErrorLocation").getAnyOf().stream().map(Schema::getType).toList();
    assertThat(locationTypes).containsExactlyInAnyOrder("string", "integer");
  }

  @Test
  void unauthorizedDeclaresWwwAuthenticateAndRateLimitedDeclaresRetryAfter() {
    var responses = SPEC.getComponents().getResponses();
    assertThat(responses.get("Unauthorized").getHeaders()).containsKey("WWW-Authenticate");
    assertThat(responses.get("RateLimited").getHeaders()).containsKey("Retry-After");
    assertThat(SPEC.getComponents().getHeaders().get("RetryAfter").getExtensions())
        .containsEntry("x-provenance", "chosen");
  }

  @Test
  void bearerAuthenticationAppliesToEveryOperation() {
    SecurityScheme scheme = SPEC.getComponents().getSecuritySchemes().get("bearerAuth");
    assertThat(scheme.getType()).isEqualTo(SecurityScheme.Type.HTTP);
    assertThat(scheme.getScheme()).isEqualTo("bearer");
    assertThat(SPEC.getSecurity())
        .singleElement()
        .satisfies(req -> assertThat(req).containsKey("bearerAuth"));
    operations()
        .forEach(
            args ->
                assertThat(operation((String) args.get()[0], (String) args.get()[1]).getSecurity())
                    .as("no operation overrides the global security")
                    .isNull());
  }

  @Test
  void listJobsPagesWithDocumentedBoundsAndDefaults() {
    Operation list = operation("GET", BASE + "/jobs");
    Schema<?> page = queryParameter(list, "page").getSchema();
    assertThat(page.getType()).isEqualTo("integer");
    assertThat(page.getMinimum()).isEqualByComparingTo(BigDecimal.ONE);
    assertThat(page.getMaximum()).isEqualByComparingTo(BigDecimal.valueOf(Integer.MAX_VALUE));
    assertThat(page.getDefault()).isEqualTo(1);

    Schema<?> pageSize = queryParameter(list, "page_size").getSchema();
    assertThat(pageSize.getMinimum()).isEqualByComparingTo(BigDecimal.ONE);
    assertThat(pageSize.getMaximum()).isEqualByComparingTo(BigDecimal.valueOf(100));
    assertThat(pageSize.getDefault()).isEqualTo(20);

    assertThat(queryParameter(list, "kind").getSchema().get$ref()).endsWith("/WorldJobKind");
    assertThat(queryParameter(list, "status").getSchema().get$ref()).endsWith("/WorldJobStatus");
    assertThat(queryParameter(list, "project_id").getSchema().getFormat()).isEqualTo("uuid");
    assertThat(queryParameter(list, "created_by").getSchema().getType()).isEqualTo("string");
    assertThat(list.getParameters())
        .filteredOn(p -> "query".equals(p.getIn()))
        .extracting(Parameter::getName)
        .containsExactlyInAnyOrder(
            "page", "page_size", "kind", "status", "project_id", "created_by");
    assertThat(list.getParameters())
        .filteredOn(p -> "query".equals(p.getIn()))
        .allSatisfy(p -> assertThat(p.getRequired()).as(p.getName()).isNotEqualTo(Boolean.TRUE));

    Schema<?> pageOfJobs = schema("WorldJobList");
    assertThat(pageOfJobs.getRequired())
        .containsExactlyInAnyOrder("items", "page", "page_size", "total");
    assertThat(property(pageOfJobs, "items").getItems().get$ref())
        .isEqualTo("#/components/schemas/WorldJob");
    assertThat(property(pageOfJobs, "total").getMinimum()).isEqualByComparingTo(BigDecimal.ZERO);
  }

  @Test
  void jobRecordHasDocumentedFieldsEnumsAndNullability() {
    Schema<?> job = schema("WorldJob");
    assertThat(job.getRequired())
        .containsExactlyInAnyOrder(
            "id", "kind", "status", "organization_id", "workspace_id", "created_at");
    assertThat(job.getProperties())
        .containsOnlyKeys(
            "id",
            "kind",
            "status",
            "organization_id",
            "workspace_id",
            "created_at",
            "project_id",
            "resource_type",
            "resource_id",
            "progress",
            "error",
            "result",
            "created_by",
            "created_by_user",
            "started_at",
            "completed_at",
            "cancel_requested_at");
    for (String nullable :
        List.of(
            "project_id",
            "resource_type",
            "resource_id",
            "progress",
            "error",
            "created_by",
            "created_by_user",
            "started_at",
            "completed_at",
            "cancel_requested_at")) {
      assertThat(isNullable(property(job, nullable))).as("%s is nullable", nullable).isTrue();
    }
    assertThat(property(job, "progress").getMinimum()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(property(job, "progress").getMaximum()).isEqualByComparingTo(BigDecimal.ONE);
    assertThat(enumOf(schema("WorldJobKind")))
        .containsExactly("manifest_generation", "trajectory_generation");
    assertThat(enumOf(schema("WorldJobStatus")))
        .containsExactly("queued", "running", "completed", "failed", "cancelled");
    assertThat(enumOf(schema("WorldResourceType")))
        .containsExactly("manifest", "trajectory", "trajectory_batch", null);
    assertThat(schema("UserIdentity").getRequired())
        .containsExactlyInAnyOrder("id", "email", "username");
    assertThat(property(schema("UserIdentity"), "full_name").getNullable()).isTrue();
  }

  @ParameterizedTest(name = "{0}.{1}: {2}..{3}, default {4}")
  @CsvSource(
      nullValues = "-",
      value = {
        "CreateWorldManifestRequest,  num_users,  1, 50000, -",
        "CreateWorldManifestRequest,  num_hosts,  1, 10000, -",
        "CreateWorldTrajectoryRequest, count,     1, 100,   1",
        "CreateWorldTrajectoryRequest, max_steps, 1, 1000,  100",
        "CreateWorldTrajectoryRequest, threads,   1, 16,    1",
        "CreateWorldTrajectoryRequest, seed, -2147483648, 2147483647, 42",
      })
  void requestBodiesCarryDocumentedBoundsAndDefaults(
      String schema, String name, Integer min, Integer max, Integer dflt) {
    Schema<?> property = property(schema(schema), name);
    assertThat(property.getType()).isEqualTo("integer");
    assertThat(property.getMinimum()).isEqualTo(min == null ? null : BigDecimal.valueOf(min));
    assertThat(property.getMaximum()).isEqualTo(max == null ? null : BigDecimal.valueOf(max));
    assertThat(property.getDefault()).isEqualTo(dflt);
  }

  @Test
  void requestBodiesCarryDocumentedEnumsAndRequiredFields() {
    Schema<?> manifest = schema("CreateWorldManifestRequest");
    assertThat(manifest.getRequired()).isNullOrEmpty();
    assertThat(enumOf(property(manifest, "preset")))
        .containsExactly("small", "medium", "large", "enterprise", null);
    assertThat(manifest.getProperties().values())
        .allSatisfy(p -> assertThat(p.getNullable()).isTrue());

    Schema<?> trajectory = schema("CreateWorldTrajectoryRequest");
    assertThat(trajectory.getRequired()).containsExactly("manifest_id");
    assertThat(property(trajectory, "manifest_id").getFormat()).isEqualTo("uuid");
    assertThat(enumOf(property(trajectory, "strategy")))
        .containsExactly("random", "greedy", "recon-first", "smart-random");
    assertThat(property(trajectory, "strategy").getDefault()).isEqualTo("random");
    assertThat(enumOf(property(trajectory, "mode"))).containsExactly("kali", "c2", "agent");
    assertThat(property(trajectory, "mode").getDefault()).isEqualTo("kali");
    assertThat(property(trajectory, "goal").getDefault()).isEqualTo("Domain Admins");
    assertThat(property(trajectory, "only_successful").getDefault()).isEqualTo(false);
    assertThat(trajectory.getProperties())
        .containsKeys("runtime_id", "capability_name", "agent_name", "name", "project_id");
  }

  @Test
  void everyOperationParameterSchemaAndPropertyStatesItsProvenance() {
    Set<String> allowed = Set.of("seen", "inferred", "chosen");
    List<String> unmarked = new ArrayList<>();
    SPEC.getPaths()
        .forEach(
            (path, item) -> {
              item.readOperationsMap()
                  .forEach(
                      (method, operation) -> {
                        check(unmarked, allowed, operation.getExtensions(), method + " " + path);
                        if (operation.getParameters() != null) {
                          operation
                              .getParameters()
                              .forEach(
                                  p ->
                                      check(
                                          unmarked,
                                          allowed,
                                          p.getExtensions(),
                                          method + " " + path + " ?" + p.getName()));
                        }
                        if (operation.getRequestBody() != null) {
                          check(
                              unmarked,
                              allowed,
                              operation.getRequestBody().getExtensions(),
                              method + " " + path + " body");
                        }
                      });
            });
    SPEC.getComponents()
        .getParameters()
        .forEach((name, p) -> check(unmarked, allowed, p.getExtensions(), "parameter " + name));
    SPEC.getComponents()
        .getSchemas()
        .forEach(
            (name, rawSchema) -> {
              Schema<?> schema = rawSchema;
              check(unmarked, allowed, schema.getExtensions(), "schema " + name);
              if (schema.getProperties() != null) {
                schema
                    .getProperties()
                    .forEach(
                        (prop, propSchema) -> {
                          // A bare $ref cannot carry siblings in OpenAPI 3.0: the referenced schema
                          // states it.
                          if (propSchema.get$ref() == null) {
                            check(
                                unmarked,
                                allowed,
                                propSchema.getExtensions(),
                                "schema " + name + "." + prop);
                          }
                        });
              }
            });
    assertThat(unmarked).as("places without a valid x-provenance").isEmpty();
  }

  private static void check(
      List<String> unmarked, Set<String> allowed, Map<String, Object> extensions, String where) {
    Object provenance = extensions == null ? null : extensions.get("x-provenance");
    if (provenance == null || !allowed.contains(provenance)) {
      unmarked.add(where + " (" + provenance + ")");
    }
  }

  private static List<Object> enumOf(Schema<?> schema) {
    return schema.getEnum() == null ? List.of() : new ArrayList<>(schema.getEnum());
  }

  /**
   * Nullable itself, or through {@code allOf} schemas that all are: OpenAPI 3.0.3's {@code
   * nullable} next to an {@code allOf} does not reach into the referenced schema, so that is how a
   * nullable reference is written.
   */
  private static boolean isNullable(Schema<?> schema) {
    if (Boolean.TRUE.equals(schema.getNullable())) {
      return true;
    }
    if (schema.get$ref() != null) {
      return isNullable(schema(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1)));
    }
    return schema.getType() == null
        && schema.getAllOf() != null
        && !schema.getAllOf().isEmpty()
        && schema.getAllOf().stream().allMatch(OpenApiDocumentTest::isNullable);
  }

  /** An enum of a nullable schema lists null, which OpenAPI 3.0.3 needs to allow it. */
  @Test
  void everyNullableEnumListsNull() {
    List<String> missing = new ArrayList<>();
    forEachSchema(
        (where, schema) -> {
          if (Boolean.TRUE.equals(schema.getNullable())
              && schema.getEnum() != null
              && !schema.getEnum().contains(null)) {
            missing.add(where);
          }
        });
    assertThat(missing).as("nullable enums without null").isEmpty();
  }

  /** The server is 32-bit: every integer says so, with its bounds, so validators agree. */
  @Test
  void everyIntegerStatesItsThirtyTwoBitRange() {
    List<String> unbounded = new ArrayList<>();
    forEachSchema(
        (where, schema) -> {
          if ("integer".equals(schema.getType())
              && (!"int32".equals(schema.getFormat())
                  || schema.getMaximum() == null
                  || schema.getMaximum().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0
                  || (schema.getMinimum() != null
                      && schema.getMinimum().compareTo(BigDecimal.valueOf(Integer.MIN_VALUE))
                          < 0))) {
            unbounded.add(where);
          }
        });
    assertThat(unbounded).as("integers without format int32 and a 32-bit maximum").isEmpty();
  }

  /** Every schema of the components and of every parameter, properties and items included. */
  private static void forEachSchema(java.util.function.BiConsumer<String, Schema<?>> action) {
    SPEC.getComponents()
        .getSchemas()
        .forEach((name, schema) -> walk("schema " + name, schema, action));
    SPEC.getComponents()
        .getParameters()
        .forEach((name, p) -> walk("parameter " + name, p.getSchema(), action));
    SPEC.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, operation) -> {
                          if (operation.getParameters() != null) {
                            operation
                                .getParameters()
                                .forEach(
                                    p ->
                                        walk(
                                            method + " " + path + " ?" + p.getName(),
                                            p.getSchema(),
                                            action));
                          }
                        }));
  }

  private static void walk(
      String where, Schema<?> schema, java.util.function.BiConsumer<String, Schema<?>> action) {
    if (schema == null) {
      return;
    }
    action.accept(where, schema);
    if (schema.getProperties() != null) {
      schema.getProperties().forEach((name, p) -> walk(where + "." + name, p, action));
    }
    if (schema.getItems() != null) {
      walk(where + "[]", schema.getItems(), action);
    }
  }

  private static Operation operation(String method, String path) {
    PathItem item = SPEC.getPaths().get(path);
    assertThat(item).as("path %s", path).isNotNull();
    Operation operation = item.readOperationsMap().get(PathItem.HttpMethod.valueOf(method));
    assertThat(operation).as("%s %s", method, path).isNotNull();
    return operation;
  }

  private static Parameter queryParameter(Operation operation, String name) {
    return operation.getParameters().stream()
        .filter(p -> "query".equals(p.getIn()) && name.equals(p.getName()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no query parameter " + name));
  }

  private static ApiResponse resolve(ApiResponse response) {
    if (response.get$ref() == null) {
      return response;
    }
    String name = response.get$ref().substring("#/components/responses/".length());
    return SPEC.getComponents().getResponses().get(name);
  }

  private static Schema<?> schema(String name) {
    Schema<?> schema = SPEC.getComponents().getSchemas().get(name);
    assertThat(schema).as("schema %s", name).isNotNull();
    return schema;
  }

  private static Schema<?> property(Schema<?> schema, String name) {
    Schema<?> property = (Schema<?>) schema.getProperties().get(name);
    assertThat(property).as("property %s", name).isNotNull();
    return property;
  }
}
