package dev.worldsapi.client;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.worldsapi.client.errors.WorldsException;
import dev.worldsapi.client.model.CreateWorldTrajectoryRequest;
import dev.worldsapi.client.model.JobKind;
import java.time.Duration;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WorldsClientBuilderTest {

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static Stream<Arguments> badSettings() {
    return Stream.of(
        Arguments.of(
            (UnaryOperator<WorldsClient.Builder>) b -> b.baseUrl(null),
            "baseUrl is required, e.g. http://localhost:8080"),
        Arguments.of(
            (UnaryOperator<WorldsClient.Builder>) b -> b.baseUrl("localhost:8080"),
            "baseUrl must start with http:// or https://, got localhost:"),
        Arguments.of(
            (UnaryOperator<WorldsClient.Builder>) b -> b.baseUrl("ftp://files.example.org"),
            "baseUrl must start with http:// or https://, got ftp:"),
        Arguments.of(
            (UnaryOperator<WorldsClient.Builder>) b -> b.baseUrl("http://user:pw@example.org"),
            "baseUrl must not contain credentials; pass the token with token(...) or tokenSupplier(...)"),
        Arguments.of(
            (UnaryOperator<WorldsClient.Builder>) b -> b.baseUrl("http://example.org?x=1"),
            "baseUrl must not have a query or fragment"),
        Arguments.of(
            (UnaryOperator<WorldsClient.Builder>) b -> b.baseUrl("http://exa mple.org"),
            "baseUrl is not a valid URL: Illegal character in authority"),
        Arguments.of(
            (UnaryOperator<WorldsClient.Builder>) b -> b.baseUrl("http://localhost:8080/api/v1"),
            "baseUrl must not contain the API path: every operation adds /api/v1/org/... itself,"
                + " so pass http://localhost:8080, not http://localhost:8080/api/v1"),
        Arguments.of(
            (UnaryOperator<WorldsClient.Builder>)
                b -> b.baseUrl("https://gw.example.org/worlds/api/v1/org/demo/"),
            "baseUrl must not contain the API path: every operation adds /api/v1/org/... itself,"
                + " so pass https://gw.example.org/worlds, not"
                + " https://gw.example.org/worlds/api/v1/org/demo"),
        Arguments.of(
            (UnaryOperator<WorldsClient.Builder>)
                b ->
                    b.httpClient(new feign.Client.Default(null, null))
                        .proxy("proxy.internal", 3128),
            "proxy applies to the default transport; set the proxy on the httpClient(...) you pass"
                + " instead"),
        Arguments.of(
            (UnaryOperator<WorldsClient.Builder>) b -> b.readTimeout(Duration.ZERO),
            "readTimeout must be positive, got PT0S"),
        Arguments.of(
            (UnaryOperator<WorldsClient.Builder>) b -> b.connectTimeout(Duration.ofSeconds(-1)),
            "connectTimeout must be positive, got PT-1S"),
        Arguments.of(
            (UnaryOperator<WorldsClient.Builder>) b -> b.userAgent("bad\nagent"),
            "userAgent must be non-blank printable text"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badSettings")
  void buildRejectsBadSettingsWithASentence(
      UnaryOperator<WorldsClient.Builder> change, String message) {
    WorldsClient.Builder builder =
        WorldsClient.builder().baseUrl("http://localhost:8080").token("t");

    assertThatThrownBy(() -> change.apply(builder).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void buildRequiresAToken() {
    assertThatThrownBy(() -> WorldsClient.builder().baseUrl("http://localhost:8080").build())
        .hasMessage("a token is required: call token(...) or tokenSupplier(...)");
    assertThatThrownBy(() -> WorldsClient.builder().token(" "))
        .hasMessage("token must not be blank");
  }

  @Test
  void workspaceMethodsNeedADefaultWorkspace() {
    WorldsClient client =
        WorldsClient.builder().baseUrl("http://localhost:8080").token("t").build();

    assertThatThrownBy(client::jobs)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no default workspace");
    assertThat(client.workspace("acme", "lab").jobs()).isNotNull();
    assertThatThrownBy(() -> client.workspace("acme", " "))
        .hasMessage("workspace must not be blank");
  }

  @Test
  void toBuilderMakesAnIndependentVariant() {
    WorldsClient original =
        WorldsClient.builder()
            .baseUrl("http://localhost:8080/")
            .token("t")
            .workspace("acme", "lab")
            .build();

    WorldsClient variant = original.toBuilder().baseUrl("http://127.0.0.1:9090").build();

    assertThat(original.baseUrl()).isEqualTo("http://localhost:8080");
    assertThat(variant.baseUrl()).isEqualTo("http://127.0.0.1:9090");
    assertThat(variant.defaultWorkspace().org()).isEqualTo("acme");
  }

  @Test
  void sendsUserAgentAndJsonToTheWorkspacePaths() {
    server.stubFor(
        post(urlPathEqualTo("/api/v1/org/acme/ws/lab/worlds/trajectories"))
            .willReturn(
                okJson(
                    TestClients.job("job-9", "queued")
                        .replace("manifest_generation", "trajectory_generation"))));
    WorldsClient client = TestClients.against(server, new FakeTime()).build();
    UUID manifest = UUID.fromString("9b2f6a3e-1c4d-4e5f-8a7b-0c1d2e3f4a5b");

    var job =
        client
            .trajectories()
            .create(CreateWorldTrajectoryRequest.builder().manifestId(manifest).count(3).build());

    assertThat(job.kind()).isEqualTo(JobKind.TRAJECTORY_GENERATION);
    server.verify(
        postRequestedFor(urlPathEqualTo("/api/v1/org/acme/ws/lab/worlds/trajectories"))
            .withHeader("User-Agent", matching("worlds-api-java/\\d+\\.\\d+\\.\\d+.*"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                equalToJson("{\"manifest_id\": \"" + manifest + "\", \"count\": 3}", true, true)));
  }

  @Test
  void acceptsAnyFeignTransport() {
    server.stubFor(
        get(urlPathEqualTo(TestClients.JOBS + "/job-1"))
            .willReturn(okJson(TestClients.job("job-1", "queued"))));
    WorldsClient client =
        TestClients.against(server, new FakeTime())
            .httpClient(new feign.Client.Default(null, null))
            .userAgent("lab-tool/{1}")
            .build();

    assertThat(client.jobs().get("job-1").id()).isEqualTo("job-1");
    server.verify(
        getRequestedFor(urlPathEqualTo(TestClients.JOBS + "/job-1"))
            .withHeader("User-Agent", equalTo("lab-tool/{1}"))
            .withHeader("Authorization", equalTo("Bearer " + TestClients.TOKEN)));
  }

  @Test
  void tokenSupplierThatFailsOrReturnsNothingIsReportedWithoutSending() {
    server.stubFor(
        get(urlPathEqualTo(TestClients.JOBS + "/job-1"))
            .willReturn(okJson(TestClients.job("job-1", "queued"))));
    WorldsClient empty =
        TestClients.against(server, new FakeTime()).tokenSupplier(() -> "").build();

    assertThatThrownBy(() -> empty.jobs().get("job-1"))
        .isInstanceOf(WorldsException.class)
        .hasMessage("the token supplier returned no token");
    server.verify(0, getRequestedFor(urlPathEqualTo(TestClients.JOBS + "/job-1")));
  }

  @Test
  void refusesAnEmptyIdAndAMissingRequiredBodyFieldBeforeSending() {
    WorldsClient client = TestClients.against(server, new FakeTime()).build();

    assertThatThrownBy(() -> client.jobs().get(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("jobId (job_id) must not be empty");
    assertThatThrownBy(() -> client.jobs().get(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("jobId (job_id) is required");
    assertThatThrownBy(
            () -> client.trajectories().create(CreateWorldTrajectoryRequest.builder().build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("CreateWorldTrajectoryRequest: manifestId (manifest_id) is required");
    assertThatThrownBy(() -> client.trajectories().create(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("request (body) is required");
    assertThat(server.getAllServeEvents()).isEmpty();
  }
}
