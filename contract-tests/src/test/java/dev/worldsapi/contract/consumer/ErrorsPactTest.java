package dev.worldsapi.contract.consumer;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.dsl.PactDslWithState;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.worldsapi.client.WorldsClient;
import dev.worldsapi.client.WorldsWorkspace;
import dev.worldsapi.client.errors.AuthenticationException;
import dev.worldsapi.client.errors.ConflictException;
import dev.worldsapi.client.errors.InternalServerException;
import dev.worldsapi.client.errors.NotFoundException;
import dev.worldsapi.client.errors.PermissionDeniedException;
import dev.worldsapi.client.errors.RateLimitException;
import dev.worldsapi.client.errors.UnprocessableEntityException;
import dev.worldsapi.client.errors.WorldsServiceException;
import dev.worldsapi.client.model.CreateWorldManifestRequest;
import dev.worldsapi.client.model.CreateWorldTrajectoryRequest;
import dev.worldsapi.client.model.ValidationError;
import dev.worldsapi.contract.Contract;
import dev.worldsapi.contract.consumer.ConsumerRequests.Start;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The error envelope the client relies on, per status and for every operation that can answer it,
 * and the typed exception the client raises from it. 502 and 504 come from gateways in front of a
 * provider, never from the provider, so they are not in the provider's contract: the client's
 * handling of them is tested against WireMock ({@code StatusMappingTest}).
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Contract.PROVIDER, pactVersion = PactSpecVersion.V4)
class ErrorsPactTest {

  private static final String MANIFEST_ID = "9b2f6a3e-1c4d-4e5f-8a7b-0c1d2e3f4a5b";

  /**
   * One operation as the client calls it: its request (the suffix after the workspace path, from
   * the state and as the test sends it) and the call that sends it.
   */
  private record Operation(
      String name,
      String method,
      String suffix,
      String example,
      String query,
      DslPart body,
      Consumer<WorldsWorkspace> call) {}

  private static final Operation LIST =
      new Operation("list jobs", "GET", "/jobs", "/jobs", null, null, w -> w.jobs().list());
  private static final Operation GET =
      new Operation(
          "get a job",
          "GET",
          "/jobs/${jobId}",
          "/jobs/job-1",
          null,
          null,
          w -> w.jobs().get("job-1"));
  private static final Operation CANCEL =
      new Operation(
          "cancel a job",
          "POST",
          "/jobs/${jobId}/cancel",
          "/jobs/job-1/cancel",
          null,
          null,
          w -> w.jobs().cancel("job-1"));
  private static final Operation CREATE_MANIFEST =
      new Operation(
          "generate a manifest",
          "POST",
          "/manifests",
          "/manifests",
          null,
          newJsonBody(body -> body.stringValue("name", "lab")).build(),
          w -> w.manifests().create(CreateWorldManifestRequest.builder().name("lab").build()));
  private static final Operation CREATE_TRAJECTORY =
      new Operation(
          "generate trajectories",
          "POST",
          "/trajectories",
          "/trajectories",
          null,
          ConsumerRequests.trajectoryRequest("${manifestId}", MANIFEST_ID),
          w ->
              w.trajectories()
                  .create(
                      CreateWorldTrajectoryRequest.builder()
                          .manifestId(UUID.fromString(MANIFEST_ID))
                          .build()));

  private static final List<Operation> EVERY_OPERATION =
      List.of(LIST, GET, CANCEL, CREATE_MANIFEST, CREATE_TRAJECTORY);

  private static DslPart envelope(int code, String type) {
    return newJsonBody(
            body -> {
              body.numberValue("code", code);
              body.stringType("detail", "What went wrong");
              body.stringValue("type", type);
            })
        .build();
  }

  /**
   * One interaction per operation, each from its own states, answered by {@code response}.
   *
   * @param states the provider states of an operation's interaction
   * @param examplePath the workspace path the test sends, when not the default one
   */
  private static V4Pact onEvery(
      List<Operation> operations,
      PactDslWithProvider builder,
      String what,
      BiFunction<Start, Operation, PactDslWithState> states,
      String examplePath,
      boolean stateToken,
      Function<PactDslRequestWithPath, PactDslResponse> response) {
    PactDslResponse last = null;
    for (Operation operation : operations) {
      PactDslWithState given =
          states.apply(last == null ? Start.of(builder) : Start.after(last), operation);
      PactDslRequestWithPath request =
          ConsumerRequests.request(
              given,
              "a request to " + operation.name() + " " + what,
              operation.method(),
              operation.suffix(),
              examplePath + operation.example(),
              stateToken);
      if (operation.query() != null) {
        request = request.query(operation.query());
      }
      if (operation.body() != null) {
        request = request.headers("Content-Type", "application/json").body(operation.body());
      }
      last = response.apply(request);
    }
    return ConsumerRequests.pact(last);
  }

  private static void assertEnvelope(WorldsServiceException thrown, int status, String type) {
    assertThat(thrown.status()).isEqualTo(status);
    assertThat(thrown.errorType()).isEqualTo(type);
    assertThat(thrown.detail()).isEqualTo("What went wrong");
    assertThat(thrown.envelope()).hasValueSatisfying(e -> assertThat(e.code()).isEqualTo(status));
  }

  private static <T extends WorldsServiceException> void everyOperationRaises(
      List<Operation> operations,
      WorldsWorkspace workspace,
      Class<T> type,
      int status,
      String errorType) {
    for (Operation operation : operations) {
      T thrown = catchThrowableOfType(type, () -> operation.call().accept(workspace));
      assertThat(thrown).as(operation.name()).isNotNull();
      assertEnvelope(thrown, status, errorType);
    }
  }

  /** A workspace with what the operation needs to succeed: a job, a completed manifest. */
  private static PactDslWithState withWhatItNeeds(Start start, Operation operation) {
    return operation.suffix().contains("${jobId}")
        ? ConsumerRequests.jobs(start, Map.of("status", "queued"))
        : operation == CREATE_TRAJECTORY
            ? ConsumerRequests.jobs(start, Map.of("status", "completed"))
            : ConsumerRequests.aWorkspace(start);
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact unauthorized(PactDslWithProvider builder) {
    return onEvery(
        EVERY_OPERATION,
        builder,
        "with a token the provider does not accept",
        ErrorsPactTest::withWhatItNeeds,
        ConsumerRequests.EXAMPLE_WORKSPACE,
        false,
        request ->
            request
                .headers("Authorization", "Bearer revoked-token")
                .willRespondWith()
                .status(401)
                .body(envelope(401, "authentication_error")));
  }

  @Test
  @PactTestFor(pactMethod = "unauthorized")
  void raisesAuthenticationExceptionOnEveryOperation(MockServer mock) {
    WorldsClient client = ConsumerRequests.client(mock).toBuilder().token("revoked-token").build();

    everyOperationRaises(
        EVERY_OPERATION,
        client.workspace("demo", "sandbox"),
        AuthenticationException.class,
        401,
        "authentication_error");
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact forbidden(PactDslWithProvider builder) {
    return onEvery(
        EVERY_OPERATION,
        builder,
        "in a workspace the caller may not use",
        (start, operation) -> start.given("a workspace exists that the caller may not use"),
        "/api/v1/org/demo/ws/restricted/worlds",
        true,
        request -> request.willRespondWith().status(403).body(envelope(403, "permission_error")));
  }

  @Test
  @PactTestFor(pactMethod = "forbidden")
  void raisesPermissionDeniedExceptionOnEveryOperation(MockServer mock) {
    everyOperationRaises(
        EVERY_OPERATION,
        ConsumerRequests.client(mock).workspace("demo", "restricted"),
        PermissionDeniedException.class,
        403,
        "permission_error");
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact notFound(PactDslWithProvider builder) {
    return onEvery(
        EVERY_OPERATION,
        builder,
        "in a workspace that does not exist",
        (start, operation) -> start.given("a workspace does not exist"),
        "/api/v1/org/nowhere/ws/sandbox/worlds",
        true,
        request -> request.willRespondWith().status(404).body(envelope(404, "not_found_error")));
  }

  @Test
  @PactTestFor(pactMethod = "notFound")
  void raisesNotFoundExceptionOnEveryOperation(MockServer mock) {
    everyOperationRaises(
        EVERY_OPERATION,
        ConsumerRequests.client(mock).workspace("nowhere", "sandbox"),
        NotFoundException.class,
        404,
        "not_found_error");
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact jobNotFound(PactDslWithProvider builder) {
    return ConsumerRequests.pact(
        ConsumerRequests.request(
                ConsumerRequests.aWorkspace(builder),
                "a request for a job that does not exist",
                "GET",
                "/jobs/${missingJobId}",
                "/jobs/job-does-not-exist")
            .willRespondWith()
            .status(404)
            .body(envelope(404, "not_found_error")));
  }

  @Test
  @PactTestFor(pactMethod = "jobNotFound")
  void raisesNotFoundExceptionForAJobThatDoesNotExist(MockServer mock) {
    assertEnvelope(
        catchThrowableOfType(
            NotFoundException.class,
            () -> ConsumerRequests.client(mock).jobs().get("job-does-not-exist")),
        404,
        "not_found_error");
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact conflict(PactDslWithProvider builder) {
    return ConsumerRequests.pact(
        ConsumerRequests.request(
                ConsumerRequests.jobs(builder, Map.of("status", "completed")),
                "a request to cancel a job that has ended",
                "POST",
                "/jobs/${jobId}/cancel",
                "/jobs/job-completed/cancel")
            .willRespondWith()
            .status(409)
            .body(envelope(409, "conflict_error")));
  }

  @Test
  @PactTestFor(pactMethod = "conflict")
  void raisesConflictException(MockServer mock) {
    assertEnvelope(
        catchThrowableOfType(
            ConflictException.class,
            () -> ConsumerRequests.client(mock).jobs().cancel("job-completed")),
        409,
        "conflict_error");
  }

  private static DslPart validationEnvelope(
      Consumer<au.com.dius.pact.consumer.dsl.LambdaDslJsonArray> loc, String msg, String type) {
    return newJsonBody(
            body -> {
              body.numberValue("code", 422);
              body.stringType("detail", "Validation error");
              body.stringValue("type", "validation_error");
              body.minArrayLike(
                  "errors",
                  1,
                  error -> {
                    error.array("loc", loc::accept);
                    error.stringType("msg", msg);
                    error.stringType("type", type);
                  });
            })
        .build();
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact validation(PactDslWithProvider builder) {
    PactDslResponse emptyDomain =
        ConsumerRequests.request(
                ConsumerRequests.aWorkspace(builder),
                "a request to generate a manifest with an empty domain name",
                "POST",
                "/manifests",
                "/manifests")
            .headers("Content-Type", "application/json")
            .body(
                newJsonBody(
                        body ->
                            body.array(
                                "domains",
                                domains -> {
                                  domains.stringValue("acme.local");
                                  domains.stringValue("");
                                }))
                    .build())
            .willRespondWith()
            .status(422)
            .body(
                validationEnvelope(
                    loc -> {
                      loc.stringValue("body");
                      loc.stringValue("domains");
                      loc.numberValue(1);
                    },
                    "String should have at least 1 character",
                    "string_too_short"));
    return ConsumerRequests.pact(
        ConsumerRequests.request(
                ConsumerRequests.aWorkspace(Start.after(emptyDomain)),
                "a request to generate trajectories from a manifest that does not exist",
                "POST",
                "/trajectories",
                "/trajectories")
            .headers("Content-Type", "application/json")
            .body(ConsumerRequests.trajectoryRequest("${missingManifestId}", MANIFEST_ID))
            .willRespondWith()
            .status(422)
            .body(
                validationEnvelope(
                    loc -> {
                      loc.stringValue("body");
                      loc.stringValue("manifest_id");
                    },
                    "No completed manifest in this workspace",
                    "manifest_not_found")));
  }

  @Test
  @PactTestFor(pactMethod = "validation")
  void raisesUnprocessableEntityExceptionForBodiesTheProviderRefuses(MockServer mock) {
    WorldsClient client = ConsumerRequests.client(mock);

    UnprocessableEntityException body =
        catchThrowableOfType(
            UnprocessableEntityException.class,
            () ->
                client
                    .manifests()
                    .create(
                        CreateWorldManifestRequest.builder()
                            .domains(List.of("acme.local", ""))
                            .build()));
    UnprocessableEntityException semantic =
        catchThrowableOfType(
            UnprocessableEntityException.class,
            () ->
                client
                    .trajectories()
                    .create(
                        CreateWorldTrajectoryRequest.builder()
                            .manifestId(UUID.fromString(MANIFEST_ID))
                            .build()));

    assertThat(body.errorType()).isEqualTo("validation_error");
    assertThat(body.validationErrors())
        .extracting(ValidationError::loc)
        .containsOnly(List.of("body", "domains", 1));
    assertThat(body.validationErrors().get(0).loc().get(2)).isInstanceOf(Integer.class);
    assertThat(semantic.validationErrors())
        .extracting(ValidationError::type)
        .containsOnly("manifest_not_found");
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact rateLimited(PactDslWithProvider builder) {
    return onEvery(
        EVERY_OPERATION,
        builder,
        "while rate limited",
        (start, operation) ->
            withWhatItNeeds(start, operation)
                .given("the next request fails", Map.of("status", 429, "retry_after", 1)),
        ConsumerRequests.EXAMPLE_WORKSPACE,
        true,
        request ->
            request
                .willRespondWith()
                .status(429)
                .matchHeader("Retry-After", "\\d+", "1")
                .body(envelope(429, "rate_limit_error")));
  }

  @Test
  @PactTestFor(pactMethod = "rateLimited")
  void raisesRateLimitExceptionWithRetryAfterOnEveryOperation(MockServer mock) {
    WorldsWorkspace workspace = ConsumerRequests.client(mock).workspace("demo", "sandbox");

    everyOperationRaises(
        EVERY_OPERATION, workspace, RateLimitException.class, 429, "rate_limit_error");
    assertThat(
            catchThrowableOfType(RateLimitException.class, () -> workspace.jobs().list())
                .retryAfter())
        .contains(Duration.ofSeconds(1));
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact internalError(PactDslWithProvider builder) {
    return onEvery(
        EVERY_OPERATION,
        builder,
        "that the provider fails on",
        (start, operation) ->
            withWhatItNeeds(start, operation)
                .given("the next request fails", Map.of("status", 500)),
        ConsumerRequests.EXAMPLE_WORKSPACE,
        true,
        request ->
            request
                .willRespondWith()
                .status(500)
                .matchHeader("X-Request-Id", ".+", "2f1c9a1e-6b9e-4c1a-9d55-0e8f3b7a4c21")
                .body(envelope(500, "internal_error")));
  }

  @Test
  @PactTestFor(pactMethod = "internalError")
  void raisesInternalServerExceptionWithARequestIdOnEveryOperation(MockServer mock) {
    WorldsWorkspace workspace = ConsumerRequests.client(mock).workspace("demo", "sandbox");

    everyOperationRaises(
        EVERY_OPERATION, workspace, InternalServerException.class, 500, "internal_error");
    assertThat(
            catchThrowableOfType(InternalServerException.class, () -> workspace.jobs().list())
                .header("X-Request-Id"))
        .isPresent();
  }
}
