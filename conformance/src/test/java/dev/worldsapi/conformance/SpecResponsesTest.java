package dev.worldsapi.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The response check finds what breaks the spec and nothing else. */
class SpecResponsesTest {

  private static final String JOB_PATH = "/api/v1/org/demo/ws/sandbox/worlds/jobs/job-1";
  private static final Map<String, List<String>> JSON =
      Map.of("Content-Type", List.of("application/json"));
  private static final String JOB =
      "{\"id\": \"job-1\", \"kind\": \"manifest_generation\", \"status\": \"queued\","
          + " \"organization_id\": \"demo\", \"workspace_id\": \"sandbox\","
          + " \"created_at\": \"2026-01-05T10:15:30Z\", \"resource_type\": null,"
          + " \"created_by_user\": null, \"project_id\": null}";

  private final SpecResponses check = SpecResponses.packaged();

  @Test
  void aJobAsTheSpecDescribesItPasses() {
    assertThat(check.check("GET", JOB_PATH, 200, JSON, JOB)).isEmpty();
  }

  @Test
  void aRenamedFieldFails() {
    assertThat(check.check("GET", JOB_PATH, 200, JSON, JOB.replace("workspace_id", "workspace")))
        .isNotEmpty();
  }

  @Test
  void aValueOutsideAnEnumFails() {
    assertThat(check.check("GET", JOB_PATH, 200, JSON, JOB.replace("\"queued\"", "\"paused\"")))
        .isNotEmpty();
  }

  @Test
  void anUndeclaredStatusFails() {
    assertThat(
            check.check(
                "GET", JOB_PATH, 418, JSON, "{\"code\": 418, \"detail\": \"x\", \"type\": \"y\"}"))
        .isNotEmpty();
  }

  @Test
  void anEnvelopeWhoseCodeIsNotTheStatusFails() {
    assertThat(
            check.check(
                "GET",
                JOB_PATH,
                404,
                JSON,
                "{\"code\": 500, \"detail\": \"Not found\", \"type\": \"not_found_error\"}"))
        .singleElement()
        .asString()
        .contains("code 500 is not the status 404");
  }

  @Test
  void aFailureThatIsNotJsonFails() {
    assertThat(
            check.check(
                "GET",
                "/nowhere",
                502,
                Map.of("Content-Type", List.of("text/html")),
                "<html>Bad gateway</html>"))
        .singleElement()
        .asString()
        .contains("application/json");
  }
}
