package dev.worldsapi.client.errors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.worldsapi.client.FakeTime;
import dev.worldsapi.client.TestClients;
import dev.worldsapi.client.WorldsClient;
import dev.worldsapi.client.model.ValidationError;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusMappingTest {

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final WorldsClient client =
      TestClients.against(server, new FakeTime()).maxRetries(0).build();

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "400, BadRequestException",
    "401, AuthenticationException",
    "403, PermissionDeniedException",
    "404, NotFoundException",
    "405, MethodNotAllowedException",
    "406, NotAcceptableException",
    "408, RequestTimeoutException",
    "409, ConflictException",
    "413, PayloadTooLargeException",
    "414, UriTooLongException",
    "415, UnsupportedMediaTypeException",
    "422, UnprocessableEntityException",
    "426, UpgradeRequiredException",
    "431, RequestHeaderFieldsTooLargeException",
    "429, RateLimitException",
    "500, InternalServerException",
    "502, BadGatewayException",
    "504, GatewayTimeoutException",
    "503, UnexpectedStatusException",
    "418, UnexpectedStatusException",
  })
  void mapsEachStatusToItsExceptionWithTheEnvelopeParsed(int status, String exception) {
    server.stubFor(
        get(urlPathEqualTo(TestClients.JOBS + "/job-1"))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("X-Request-Id", "req-42")
                    .withBody(
                        TestClients.envelope(
                            status, "Something about " + status, "type_" + status))));

    WorldsServiceException thrown =
        catchThrowableOfType(WorldsServiceException.class, () -> client.jobs().get("job-1"));

    assertThat(thrown.getClass().getSimpleName()).isEqualTo(exception);
    assertThat(thrown.status()).isEqualTo(status);
    assertThat(thrown.envelope())
        .hasValueSatisfying(
            envelope -> {
              assertThat(envelope.code()).isEqualTo(status);
              assertThat(envelope.detail()).isEqualTo("Something about " + status);
              assertThat(envelope.type()).isEqualTo("type_" + status);
            });
    assertThat(thrown.detail()).isEqualTo("Something about " + status);
    assertThat(thrown.errorType()).isEqualTo("type_" + status);
    assertThat(thrown.header("x-request-id")).contains("req-42");
    assertThat(thrown.getMessage())
        .contains(
            "HTTP " + status, "GET " + TestClients.JOBS + "/job-1", "Something about " + status)
        .doesNotContain(TestClients.TOKEN);
    server.verify(
        1,
        getRequestedFor(urlPathEqualTo(TestClients.JOBS + "/job-1"))
            .withHeader("Authorization", equalTo("Bearer " + TestClients.TOKEN)));
  }

  @Test
  void validationErrorCarriesEveryErrorWithStringAndIntegerLocations() {
    server.stubFor(
        get(urlPathEqualTo(TestClients.JOBS))
            .willReturn(
                aResponse()
                    .withStatus(422)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        """
            {"code": 422, "detail": "Validation error", "type": "validation_error", "errors": [
              {"loc": ["query", "page_size"], "msg": "Input should be less than or equal to 100", "type": "less_than_equal"},
              {"loc": ["body", "domains", 0], "msg": "Input should be a valid string", "type": "string_type"},
              {"loc": ["query", "status"], "msg": "Input should be 'queued' or 'running'", "type": "enum"}]}
            """)));

    UnprocessableEntityException thrown =
        catchThrowableOfType(UnprocessableEntityException.class, () -> client.jobs().list());

    assertThat(thrown.validationErrors())
        .extracting(ValidationError::loc)
        .containsExactly(
            List.of("query", "page_size"),
            List.of("body", "domains", 0),
            List.of("query", "status"));
    assertThat(thrown.validationErrors())
        .extracting(ValidationError::type)
        .containsExactly("less_than_equal", "string_type", "enum");
    assertThat(thrown.getMessage())
        .contains("[query, page_size]: Input should be less than or equal to 100");
  }

  @Test
  void htmlBadGatewayKeepsStatusAndRawText() {
    String html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    server.stubFor(
        get(urlPathEqualTo(TestClients.JOBS))
            .willReturn(
                aResponse()
                    .withStatus(502)
                    .withHeader("Content-Type", "text/html")
                    .withBody(html)));

    BadGatewayException thrown =
        catchThrowableOfType(BadGatewayException.class, () -> client.jobs().list());

    assertThat(thrown.status()).isEqualTo(502);
    assertThat(thrown.envelope()).isEmpty();
    assertThat(thrown.detail()).isNull();
    assertThat(thrown.rawBody()).isEqualTo(html);
    assertThat(thrown.getMessage()).contains("HTTP 502", "not the error envelope", "text/html");
  }

  @Test
  void emptyInternalServerErrorMapsWithEmptyBody() {
    server.stubFor(get(urlPathEqualTo(TestClients.JOBS)).willReturn(aResponse().withStatus(500)));

    InternalServerException thrown =
        catchThrowableOfType(InternalServerException.class, () -> client.jobs().list());

    assertThat(thrown.envelope()).isEmpty();
    assertThat(thrown.rawBody()).isEmpty();
    assertThat(thrown.getMessage()).contains("HTTP 500", "empty body");
  }

  @Test
  void truncatedErrorEnvelopeStillMapsByStatusWithRawText() {
    server.stubFor(
        get(urlPathEqualTo(TestClients.JOBS + "/job-1"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"code\": 404, \"deta")));

    NotFoundException thrown =
        catchThrowableOfType(NotFoundException.class, () -> client.jobs().get("job-1"));

    assertThat(thrown.envelope()).isEmpty();
    assertThat(thrown.rawBody()).isEqualTo("{\"code\": 404, \"deta");
  }

  @Test
  void rateLimitExceptionExposesRetryAfter() {
    server.stubFor(
        get(urlPathEqualTo(TestClients.JOBS))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "17")
                    .withBody(TestClients.envelope(429, "Rate limited", "rate_limit_error"))));

    RateLimitException thrown =
        catchThrowableOfType(RateLimitException.class, () -> client.jobs().list());

    assertThat(thrown.retryAfter()).contains(Duration.ofSeconds(17));
  }
}
