package dev.worldsapi.server.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.worldsapi.server.StubApplication;
import dev.worldsapi.server.StubServer;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The request rules of the spec, enforced by the runtime before an implementation sees a request:
 * what the spec forbids is refused with the envelope, every problem named, and paths that only
 * resemble an operation's are not found.
 */
class SpecRequestRulesTest {

  private static final String BASE = StubApplication.BASE;
  private static final String TRAJECTORY =
      "\"manifest_id\": \"9b2f6a3e-1c4d-4e5f-8a7b-0c1d2e3f4a5b\"";
  private static final ObjectMapper JSON = new ObjectMapper();
  @RegisterExtension static final StubServer server = new StubServer();

  @ParameterizedTest(name = "Content-Type: [{0}] on {1} {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "garbage                         | GET  | /jobs",
        "application/                    | GET  | /jobs",
        "''                              | GET  | /jobs/job-1",
        "application/json; charset=\"    | POST | /jobs/job-1/cancel",
        "garbage                         | POST | /manifests",
        "application/                    | POST | /trajectories",
      })
  void malformedContentTypeIs400Envelope(String contentType, String method, String path)
      throws Exception {
    // Set on the wire, with no entity: Jersey's client would parse the header to write one. The
    // reference server's black-box tests send these with bodies.
    ClientRequestFilter rawContentType =
        context -> context.getHeaders().putSingle("Content-Type", contentType);
    Response response =
        server
            .target(BASE + path)
            .register(rawContentType)
            .request()
            .header("Authorization", "Bearer " + StubApplication.TOKEN)
            .method(method);

    assertEnvelope(response, 400);
    assertThat(body(response).get("detail").asText()).contains("Content-Type");
  }

  @Test
  void aMalformedContentTypeWithoutATokenIs401() throws Exception {
    // Authentication comes first on every implementation, including where the servlet filter
    // notes the malformed header before the Jakarta REST runtime sees the request.
    ClientRequestFilter rawContentType =
        context -> context.getHeaders().putSingle("Content-Type", "application/");
    Response response = server.target(BASE + "/jobs").register(rawContentType).request().get();

    assertEnvelope(response, 401);
    assertThat(response.getHeaderString("WWW-Authenticate")).startsWith("Bearer");
  }

  @Test
  void malformedAcceptIs400Envelope() throws Exception {
    Response response = request(BASE + "/jobs").header("Accept", "text/").get();

    assertEnvelope(response, 400);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"preset\": 9}                | body,preset     | enum",
        "{\"preset\": true}             | body,preset     | enum",
        "{\"domains\": [null]}          | body,domains,0  | string_type",
        "{\"project_id\": \"\"}         | body,project_id | uuid_parsing",
        "{\"seed\": 2147483648}         | body,seed       | less_than_equal",
        "{\"seed\": 1.5}                | body,seed       | int_from_float",
        "{\"name\": 1, \"name\": 2}     | body,18         | json_invalid",
      })
  void manifestBodiesTheSpecForbidsAre422(String body, String loc, String type) throws Exception {
    JsonNode error = onlyError(request(BASE + "/manifests").post(Entity.json(body)));

    assertThat(locOf(error)).containsExactlyElementsOf(loc(loc));
    assertThat(error.get("type").asText()).isEqualTo(type);
  }

  @ParameterizedTest(name = "\"{0}\": null")
  @ValueSource(
      strings = {
        "goal",
        "count",
        "strategy",
        "max_steps",
        "seed",
        "threads",
        "only_successful",
        "mode"
      })
  void explicitNullForANonNullableTrajectoryFieldIs422(String field) throws Exception {
    JsonNode error =
        onlyError(
            request(BASE + "/trajectories")
                .post(Entity.json("{" + TRAJECTORY + ", \"" + field + "\": null}")));

    assertThat(locOf(error)).containsExactly("body", field);
  }

  @Test
  void nullIsAcceptedWhereTheSpecSaysNullable() {
    Response response =
        request(BASE + "/manifests")
            .post(
                Entity.json(
                    "{\"name\": null, \"preset\": null, \"seed\": null, \"num_users\": null,"
                        + " \"num_hosts\": null, \"domains\": null, \"project_id\": null}"));

    assertThat(response.getStatus()).isEqualTo(200);
  }

  @Test
  void a422ListsEveryProblemOfTheQueryInDeclaredOrder() throws Exception {
    Response response =
        request(BASE + "/jobs?page=0&page_size=101&kind=x&status=y&project_id=z&created_by=").get();

    assertEnvelope(response, 422);
    assertThat(body(response).get("errors"))
        .extracting(SpecRequestRulesTest::locOf)
        .containsExactly(
            List.of("query", "page"),
            List.of("query", "page_size"),
            List.of("query", "kind"),
            List.of("query", "status"),
            List.of("query", "project_id"),
            List.of("query", "created_by"));
  }

  @Test
  void a422ListsEveryProblemOfTheBodyInTheSchemasOrder() throws Exception {
    Response response =
        request(BASE + "/trajectories")
            .post(Entity.json("{\"mode\": \"x\", \"count\": 0, \"goal\": 5}"));

    assertEnvelope(response, 422);
    assertThat(body(response).get("errors"))
        .extracting(SpecRequestRulesTest::locOf)
        .containsExactly(
            List.of("body", "manifest_id"),
            List.of("body", "goal"),
            List.of("body", "count"),
            List.of("body", "mode"));
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "page      | %EF%BC%92 | int_parsing",
        "page      | %D9%A1    | int_parsing",
        "page      | %2B1      | int_parsing",
        "page      | 1%20      | int_parsing",
        "page      | ''        | int_parsing",
        "page      | 2147483648 | less_than_equal",
        "status    | queued%20 | enum",
        "status    | QUEUED    | enum",
      })
  void queryValuesAreReadExactly(String name, String value, String type) throws Exception {
    JsonNode error = onlyError(request(BASE + "/jobs?" + name + "=" + value).get());

    assertThat(locOf(error)).containsExactly("query", name);
    assertThat(error.get("type").asText()).isEqualTo(type);
  }

  @Test
  void aRepeatedQueryParameterIs422() throws Exception {
    JsonNode error = onlyError(request(BASE + "/jobs?page=1&page=2").get());

    assertThat(locOf(error)).containsExactly("query", "page");
    assertThat(error.get("msg").asText()).contains("single value");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "GET  | /jobs/",
        "GET  | /jobs/;x=1",
        "GET  | /jobs;x=1",
        "GET  | /jobs/job-1/",
        "GET  | /jobs/job-1;x=1",
        "POST | /jobs/job-1/cancel/",
        "POST | /manifests/",
        "POST | /trajectories/",
      })
  void pathsThatOnlyResembleAnOperationsAreNotFound(String method, String path) throws Exception {
    Response response =
        request(BASE + path).method(method, method.equals("GET") ? null : Entity.json("{}"));

    assertEnvelope(response, 404);
  }

  @Test
  void malformedJsonNamesItsCharacterOffsetWithoutParserInternals() throws Exception {
    JsonNode error = onlyError(request(BASE + "/manifests").post(Entity.json("{\"name\": x}")));

    assertThat(locOf(error)).containsExactly("body", 9);
    assertThat(error.get("type").asText()).isEqualTo("json_invalid");
    assertThat(error.get("msg").asText())
        .isEqualTo("JSON decode error: unexpected character 'x' at line 1, column 10")
        .doesNotContain("StreamReadFeature", "Source", "REDACTED");
  }

  @Test
  void truncatedJsonPointsAtItsEnd() throws Exception {
    JsonNode error = onlyError(request(BASE + "/manifests").post(Entity.json("{\"name\": ")));

    assertThat(locOf(error)).containsExactly("body", 9);
    assertThat(error.get("msg").asText()).startsWith("JSON decode error: the body ends");
  }

  @Test
  void contentAfterTheJsonValueIs422() throws Exception {
    JsonNode error = onlyError(request(BASE + "/manifests").post(Entity.json("{} {}")));

    assertThat(locOf(error)).containsExactly("body", 3);
    assertThat(error.get("type").asText()).isEqualTo("json_invalid");
  }

  private static Invocation.Builder request(String path) {
    return server.authorized(path);
  }

  private static JsonNode onlyError(Response response) throws Exception {
    assertEnvelope(response, 422);
    JsonNode errors = body(response).get("errors");
    assertThat(errors).as(errors.toString()).hasSize(1);
    return errors.get(0);
  }

  private static void assertEnvelope(Response response, int status) throws Exception {
    JsonNode body = body(response);
    assertThat(response.getStatus()).as(body.toString()).isEqualTo(status);
    assertThat(response.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE)).isTrue();
    assertThat(body.get("code").asInt()).isEqualTo(status);
  }

  private static JsonNode body(Response response) throws Exception {
    response.bufferEntity();
    return JSON.readTree(response.readEntity(String.class));
  }

  private static List<Object> locOf(JsonNode error) {
    return JSON.convertValue(error.get("loc"), List.class);
  }

  private static List<Object> loc(String csv) {
    return java.util.Arrays.stream(csv.split(","))
        .<Object>map(step -> step.matches("[0-9]+") ? Integer.valueOf(step) : step)
        .toList();
  }
}
