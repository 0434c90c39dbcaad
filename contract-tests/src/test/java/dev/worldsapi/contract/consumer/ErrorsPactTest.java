package dev.worldsapi.contract.consumer;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.worldsapi.client.WorldsClient;
import dev.worldsapi.client.errors.AuthenticationException;
import dev.worldsapi.client.errors.BadGatewayException;
import dev.worldsapi.client.errors.ConflictException;
import dev.worldsapi.client.errors.GatewayTimeoutException;
import dev.worldsapi.client.errors.InternalServerException;
import dev.worldsapi.client.errors.NotFoundException;
import dev.worldsapi.client.errors.PermissionDeniedException;
import dev.worldsapi.client.errors.RateLimitException;
import dev.worldsapi.client.errors.UnprocessableEntityException;
import dev.worldsapi.client.errors.WorldsServiceException;
import dev.worldsapi.client.model.CreateWorldManifestRequest;
import dev.worldsapi.client.model.ValidationError;
import dev.worldsapi.contract.Contract;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The error envelope the client relies on, per status, and the typed exception it raises from it,
 * with the envelope's fields.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Contract.PROVIDER, pactVersion = PactSpecVersion.V3)
class ErrorsPactTest {

  private static DslPart envelope(int code, String type) {
    return newJsonBody(
            body -> {
              body.numberValue("code", code);
              body.stringType("detail", "What went wrong");
              body.stringValue("type", type);
            })
        .build();
  }

  private static PactDslRequestWithPath listJobs(
      PactDslWithProvider builder, String state, String description, String path) {
    return ConsumerRequests.request(builder, state, description, "GET", path)
        .query("page=1&page_size=20");
  }

  private static void assertEnvelope(WorldsServiceException thrown, int status, String type) {
    assertThat(thrown.status()).isEqualTo(status);
    assertThat(thrown.errorType()).isEqualTo(type);
    assertThat(thrown.detail()).isEqualTo("What went wrong");
    assertThat(thrown.envelope())
        .hasValueSatisfying(e -> assertThat(e.getCode()).isEqualTo(status));
  }

  @Pact(consumer = Contract.CONSUMER)
  RequestResponsePact unauthorized(PactDslWithProvider builder) {
    return builder
        .given("the demo workspace exists")
        .uponReceiving("a request with a token the provider does not accept")
        .method("GET")
        .path(Contract.JOBS)
        .query("page=1&page_size=20")
        .headers("Authorization", "Bearer revoked-token")
        .willRespondWith()
        .status(401)
        .body(envelope(401, "authentication_error"))
        .toPact();
  }

  @Test
  @PactTestFor(pactMethod = "unauthorized")
  void raisesAuthenticationException(MockServer mock) {
    WorldsClient client = ConsumerRequests.client(mock).toBuilder().token("revoked-token").build();

    assertEnvelope(
        catchThrowableOfType(AuthenticationException.class, () -> client.jobs().list()),
        401,
        "authentication_error");
  }

  @Pact(consumer = Contract.CONSUMER)
  RequestResponsePact forbidden(PactDslWithProvider builder) {
    return listJobs(
            builder,
            "a workspace exists that the caller may not use",
            "a request for the jobs of a workspace the caller may not use",
            "/api/v1/org/demo/ws/restricted/worlds/jobs")
        .willRespondWith()
        .status(403)
        .body(envelope(403, "permission_error"))
        .toPact();
  }

  @Test
  @PactTestFor(pactMethod = "forbidden")
  void raisesPermissionDeniedException(MockServer mock) {
    WorldsClient client = ConsumerRequests.client(mock);

    assertEnvelope(
        catchThrowableOfType(
            PermissionDeniedException.class,
            () -> client.workspace("demo", "restricted").jobs().list()),
        403,
        "permission_error");
  }

  @Pact(consumer = Contract.CONSUMER)
  RequestResponsePact notFound(PactDslWithProvider builder) {
    return ConsumerRequests.request(
            builder,
            "the demo workspace exists",
            "a request for a job that does not exist",
            "GET",
            Contract.JOBS + "/job-does-not-exist")
        .willRespondWith()
        .status(404)
        .body(envelope(404, "not_found_error"))
        .toPact();
  }

  @Test
  @PactTestFor(pactMethod = "notFound")
  void raisesNotFoundException(MockServer mock) {
    assertEnvelope(
        catchThrowableOfType(
            NotFoundException.class,
            () -> ConsumerRequests.client(mock).jobs().get("job-does-not-exist")),
        404,
        "not_found_error");
  }

  @Pact(consumer = Contract.CONSUMER)
  RequestResponsePact conflict(PactDslWithProvider builder) {
    return ConsumerRequests.requestToStatePath(
            builder,
            "a completed manifest job exists",
            "a request to cancel a job that has ended",
            "POST",
            Contract.JOBS + "/${jobId}/cancel",
            Contract.JOBS + "/job-completed/cancel")
        .willRespondWith()
        .status(409)
        .body(envelope(409, "conflict_error"))
        .toPact();
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

  @Pact(consumer = Contract.CONSUMER)
  RequestResponsePact validation(PactDslWithProvider builder) {
    return ConsumerRequests.request(
            builder,
            "the demo workspace exists",
            "a request to generate a manifest with an empty domain name",
            "POST",
            Contract.BASE + "/manifests")
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
            newJsonBody(
                    body -> {
                      body.numberValue("code", 422);
                      body.stringType("detail", "Validation error");
                      body.stringValue("type", "validation_error");
                      body.minArrayLike(
                          "errors",
                          1,
                          error -> {
                            error.array(
                                "loc",
                                loc -> {
                                  loc.stringValue("body");
                                  loc.stringValue("domains");
                                  loc.numberValue(1);
                                });
                            error.stringType("msg", "String should have at least 1 character");
                            error.stringType("type", "string_too_short");
                          });
                    })
                .build())
        .toPact();
  }

  @Test
  @PactTestFor(pactMethod = "validation")
  void raisesUnprocessableEntityExceptionWithMixedLocations(MockServer mock) {
    UnprocessableEntityException thrown =
        catchThrowableOfType(
            UnprocessableEntityException.class,
            () ->
                ConsumerRequests.client(mock)
                    .manifests()
                    .create(new CreateWorldManifestRequest().domains(List.of("acme.local", ""))));

    assertThat(thrown.status()).isEqualTo(422);
    assertThat(thrown.errorType()).isEqualTo("validation_error");
    assertThat(thrown.validationErrors())
        .extracting(ValidationError::getLoc)
        .containsOnly(List.of("body", "domains", 1));
    assertThat(thrown.validationErrors().get(0).getLoc().get(2)).isInstanceOf(Integer.class);
  }

  @Pact(consumer = Contract.CONSUMER)
  RequestResponsePact rateLimited(PactDslWithProvider builder) {
    return listJobs(
            builder, "the caller is rate limited", "a request while rate limited", Contract.JOBS)
        .willRespondWith()
        .status(429)
        .matchHeader("Retry-After", "\\d+", "1")
        .body(envelope(429, "rate_limit_error"))
        .toPact();
  }

  @Test
  @PactTestFor(pactMethod = "rateLimited")
  void raisesRateLimitExceptionWithRetryAfter(MockServer mock) {
    RateLimitException thrown =
        catchThrowableOfType(
            RateLimitException.class, () -> ConsumerRequests.client(mock).jobs().list());

    assertEnvelope(thrown, 429, "rate_limit_error");
    assertThat(thrown.retryAfter()).contains(Duration.ofSeconds(1));
  }

  @Pact(consumer = Contract.CONSUMER)
  RequestResponsePact internalError(PactDslWithProvider builder) {
    return listJobs(
            builder,
            "the provider fails unexpectedly",
            "a request the provider fails on",
            Contract.JOBS)
        .willRespondWith()
        .status(500)
        .matchHeader("X-Request-Id", ".+", "2f1c9a1e-6b9e-4c1a-9d55-0e8f3b7a4c21")
        .body(envelope(500, "internal_error"))
        .toPact();
  }

  @Test
  @PactTestFor(pactMethod = "internalError")
  void raisesInternalServerException(MockServer mock) {
    InternalServerException thrown =
        catchThrowableOfType(
            InternalServerException.class, () -> ConsumerRequests.client(mock).jobs().list());

    assertEnvelope(thrown, 500, "internal_error");
    assertThat(thrown.header("X-Request-Id")).isPresent();
  }

  @Pact(consumer = Contract.CONSUMER)
  RequestResponsePact badGateway(PactDslWithProvider builder) {
    return listJobs(
            builder,
            "a gateway in front of the provider gets no valid answer",
            "a request through a failing gateway",
            Contract.JOBS)
        .willRespondWith()
        .status(502)
        .body(envelope(502, "bad_gateway"))
        .toPact();
  }

  @Test
  @PactTestFor(pactMethod = "badGateway")
  void raisesBadGatewayException(MockServer mock) {
    assertEnvelope(
        catchThrowableOfType(
            BadGatewayException.class, () -> ConsumerRequests.client(mock).jobs().list()),
        502,
        "bad_gateway");
  }

  @Pact(consumer = Contract.CONSUMER)
  RequestResponsePact gatewayTimeout(PactDslWithProvider builder) {
    return listJobs(
            builder,
            "a gateway in front of the provider times out",
            "a request through a timing-out gateway",
            Contract.JOBS)
        .willRespondWith()
        .status(504)
        .body(envelope(504, "gateway_timeout"))
        .toPact();
  }

  @Test
  @PactTestFor(pactMethod = "gatewayTimeout")
  void raisesGatewayTimeoutException(MockServer mock) {
    assertEnvelope(
        catchThrowableOfType(
            GatewayTimeoutException.class, () -> ConsumerRequests.client(mock).jobs().list()),
        504,
        "gateway_timeout");
  }
}
