package dev.worldsapi.spec.governance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The breaking-change gate's table: one case for each kind of change the spec's keywords allow,
 * each applied alone to a copy of the current spec and judged against the current spec, with
 * whether a client built from the old spec breaks and why in the case's name. A breaking case must
 * also be reported with the path of what changed. When the spec starts using a keyword that no case
 * covers, {@link #everyKeywordTheSpecUsesHasACase()} says which.
 */
class BreakingChangeTableTest {

  private static final Path CURRENT = Path.of("src/main/resources/openapi.yaml");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String JOBS = "/api/v1/org/{org}/ws/{workspace}/worlds/jobs";
  private static final String JOB = JOBS + "/{job_id}";
  private static final String CANCEL = JOB + "/cancel";
  private static final String MANIFESTS = "/api/v1/org/{org}/ws/{workspace}/worlds/manifests";

  /**
   * Keywords whose change no client can notice, with why; every other keyword needs a case.
   * Placement on the Java client ({@code x-worlds-*}) changes its method names, which the client's
   * own API gate (japicmp) judges, not this one.
   */
  private static final Map<String, String> NO_CASE_NEEDED =
      Map.ofEntries(
          Map.entry("description", "documentation"),
          Map.entry("summary", "documentation"),
          Map.entry("title", "documentation"),
          Map.entry("example", "documentation"),
          Map.entry("examples", "documentation"),
          Map.entry("value", "an example's value: documentation"),
          Map.entry("x-provenance", "documentation"),
          Map.entry("x-provenance-note", "documentation"),
          Map.entry("contact", "documentation"),
          Map.entry("license", "documentation"),
          Map.entry("url", "documentation (license, server)"),
          Map.entry("tags", "grouping for documentation and generators"),
          Map.entry("servers", "where the document is served; clients are given a base URL"),
          Map.entry("x-internal", "documentation: who a server is for"),
          Map.entry(
              "x-worlds-error-type",
              "an error response's envelope type, an open string; stated for servers and clients"
                  + " to share, as its example shows it"),
          Map.entry("x-worlds-exception", "Java placement, judged by the client API gate"),
          Map.entry("openapi", "the document format's version"),
          Map.entry("info", "documentation; its version is the gate's own version rule"),
          Map.entry("version", "the gate's own version rule"),
          Map.entry("x-worlds-resource", "Java placement, judged by the client API gate"),
          Map.entry("x-worlds-method", "Java placement, judged by the client API gate"),
          Map.entry("x-worlds-pagination", "Java placement, judged by the client API gate"),
          Map.entry("x-worlds-waiter", "Java placement, judged by the client API gate"),
          Map.entry("x-worlds-scope", "Java placement, judged by the client API gate"),
          Map.entry("components", "a container: its members have cases"),
          Map.entry("paths", "a container: its members have cases"));

  /** Removed by JUnit after the class, with every changed copy in it. */
  @TempDir static Path dir;

  private static Path baseline;
  private static ExecutorService pool;

  @BeforeAll
  static void writeTheBaseline() throws IOException {
    // The baseline goes through the same YAML writer as every changed copy, so the change is the
    // only difference between the two.
    baseline = dir.resolve("baseline.yaml");
    YAML.writeValue(baseline.toFile(), YAML.readTree(CURRENT.toFile()));
    pool = Executors.newFixedThreadPool(2);
  }

  @AfterAll
  static void stop() {
    pool.shutdownNow();
  }

  record Case(
      String name,
      boolean breaks,
      String where,
      Set<String> keywords,
      Consumer<ObjectNode> change) {}

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    // Responses: a client reads what the old spec promised.
    cases.add(
        breaks(
            "a response field is removed: clients read it",
            "WorldJob.error",
            Set.of("properties"),
            s -> props(s, "WorldJob").remove("error")));
    cases.add(
        breaks(
            "a field is removed from a response schema reached through allOf: clients read it",
            "WorldJob.created_by_user.full_name",
            Set.of("allOf", "$ref"),
            s -> props(s, "UserIdentity").remove("full_name")));
    cases.add(
        breaks(
            "a required response field becomes nullable: clients never expected null",
            "WorldJob.created_at",
            Set.of("nullable"),
            s -> prop(s, "WorldJob", "created_at").put("nullable", true)));
    cases.add(
        breaks(
            "a response field leaves required: clients rely on it being there",
            "WorldJob",
            Set.of("required"),
            s -> removeFrom((ArrayNode) schema(s, "WorldJob").get("required"), "workspace_id")));
    cases.add(
        breaks(
            "a response field's type changes: clients parse the old type",
            "WorldJob.progress",
            Set.of("type"),
            s -> prop(s, "WorldJob", "progress").put("type", "string").remove("format")));
    cases.add(
        breaks(
            "a response field's format changes: clients parse the old format",
            "WorldJob.created_at",
            Set.of("format"),
            s -> prop(s, "WorldJob", "created_at").put("format", "date")));
    cases.add(
        breaks(
            "a response's maximum is raised: clients hold the old range",
            "WorldJob.progress",
            Set.of("maximum"),
            s -> prop(s, "WorldJob", "progress").put("maximum", 100)));
    cases.add(
        breaks(
            "a declared status is removed: clients handle it as documented",
            "cancel_world_job",
            Set.of("responses"),
            s -> ((ObjectNode) s.at(ptr("/paths", CANCEL, "post", "responses"))).remove("409")));
    cases.add(
        breaks(
            "a declared response header is removed: clients read it (Retry-After)",
            "429 response",
            Set.of("headers"),
            s -> ((ObjectNode) s.at("/components/responses/RateLimited")).remove("headers")));
    cases.add(
        breaks(
            "a response's media type is removed: clients ask for it",
            "get_world_job",
            Set.of("content"),
            s -> {
              ObjectNode job = (ObjectNode) s.at("/components/responses/Job");
              ObjectNode content = (ObjectNode) job.get("content");
              content.set("application/xml", content.remove("application/json"));
            }));
    // Requests: a client sends what the old spec allowed.
    cases.add(
        breaks(
            "a request field is no longer nullable: clients send null",
            "CreateWorldManifestRequest.seed",
            Set.of("nullable"),
            s -> prop(s, "CreateWorldManifestRequest", "seed").remove("nullable")));
    cases.add(
        breaks(
            "a request array's items get a higher minLength: clients send shorter ones",
            "CreateWorldManifestRequest.domains[]",
            Set.of("items", "minLength"),
            s ->
                ((ObjectNode) prop(s, "CreateWorldManifestRequest", "domains").get("items"))
                    .put("minLength", 3)));
    cases.add(
        breaks(
            "a request maximum is lowered: clients send larger values",
            "CreateWorldManifestRequest.num_users",
            Set.of("maximum"),
            s -> prop(s, "CreateWorldManifestRequest", "num_users").put("maximum", 100)));
    cases.add(
        breaks(
            "a request minimum is raised: clients send smaller values",
            "CreateWorldTrajectoryRequest.count",
            Set.of("minimum"),
            s -> prop(s, "CreateWorldTrajectoryRequest", "count").put("minimum", 2)));
    cases.add(
        breaks(
            "a request header's maxLength is lowered: clients send longer keys",
            "Idempotency-Key",
            Set.of("maxLength", "in", "name", "schema"),
            s ->
                ((ObjectNode) s.at("/components/parameters/IdempotencyKey/schema"))
                    .put("maxLength", 64)));
    cases.add(
        breaks(
            "a request array's maxItems is lowered: clients send more items",
            "CreateWorldManifestRequest.domains",
            Set.of("maxItems", "items"),
            s -> prop(s, "CreateWorldManifestRequest", "domains").put("maxItems", 10)));
    cases.add(
        breaks(
            "a request enum value is removed: clients send it",
            "CreateWorldTrajectoryRequest.strategy",
            Set.of("enum"),
            s ->
                removeFrom(
                    (ArrayNode) prop(s, "CreateWorldTrajectoryRequest", "strategy").get("enum"),
                    "smart-random")));
    cases.add(
        breaks(
            "a request field becomes required: clients leave it out",
            "CreateWorldTrajectoryRequest",
            Set.of("required"),
            s ->
                ((ArrayNode) schema(s, "CreateWorldTrajectoryRequest").get("required"))
                    .add("name")));
    cases.add(
        breaks(
            "a request default changes: clients that leave the field out get other work done",
            "CreateWorldTrajectoryRequest.count",
            Set.of("default"),
            s -> prop(s, "CreateWorldTrajectoryRequest", "count").put("default", 5)));
    cases.add(
        breaks(
            "a required query parameter is added: clients do not send it",
            "list_world_jobs",
            Set.of("parameters", "in", "name", "schema"),
            s ->
                ((ArrayNode) s.at(ptr("/paths", JOBS, "get", "parameters")))
                    .addObject()
                    .put("name", "region")
                    .put("in", "query")
                    .put("required", true)
                    .putObject("schema")
                    .put("type", "string")));
    cases.add(
        breaks(
            "an optional query parameter becomes required: clients leave it out",
            "list_world_jobs query parameter page_size",
            Set.of("required"),
            s -> queryParam(s, "page_size").put("required", true)));
    cases.add(
        breaks(
            "a request field's type changes: clients send the old type",
            "CreateWorldManifestRequest.name",
            Set.of("requestBody", "type"),
            s -> prop(s, "CreateWorldManifestRequest", "name").put("type", "integer")));
    cases.add(
        breaks(
            "a response's anyOf gains a branch: clients meet a shape they cannot read",
            "ValidationErrorLocation",
            Set.of("anyOf"),
            s ->
                ((ArrayNode) schema(s, "ValidationErrorLocation").get("anyOf"))
                    .addObject()
                    .put("type", "boolean")));
    cases.add(
        breaks(
            "an operation is removed: clients call it",
            "cancel_world_job",
            Set.of("post", "get"),
            s -> ((ObjectNode) s.get("paths")).remove(CANCEL)));
    cases.add(
        breaks(
            "an operationId changes: generated clients name their methods after it",
            "cancel_world_job",
            Set.of("operationId"),
            s ->
                ((ObjectNode) s.at(ptr("/paths", CANCEL, "post")))
                    .put("operationId", "cancel_job")));
    cases.add(
        breaks(
            "the authentication scheme changes: clients send a bearer token",
            "bearerAuth",
            Set.of("security", "securitySchemes", "scheme", "bearerFormat"),
            s ->
                ((ObjectNode) s.at("/components/securitySchemes/bearerAuth"))
                    .put("scheme", "basic")));
    // Compatible controls: what a client built from the old spec still does keeps working.
    cases.add(
        compatible(
            "an optional response field is added: clients ignore unknown fields",
            Set.of(),
            s -> props(s, "WorldJob").putObject("note").put("type", "string")));
    cases.add(
        compatible(
            "an optional query parameter is added: clients need not send it",
            Set.of(),
            s ->
                ((ArrayNode) s.at(ptr("/paths", JOBS, "get", "parameters")))
                    .addObject()
                    .put("name", "region")
                    .put("in", "query")
                    .put("required", false)
                    .putObject("schema")
                    .put("type", "string")));
    cases.add(
        compatible(
            "a request maximum is raised: what clients sent is still allowed",
            Set.of(),
            s -> prop(s, "CreateWorldManifestRequest", "num_users").put("maximum", 60000)));
    cases.add(
        compatible(
            "a response enum gains a value: this client's enums are open",
            Set.of(),
            s -> ((ArrayNode) schema(s, "WorldJobStatus").get("enum")).add("paused")));
    cases.add(
        compatible(
            "a request field becomes nullable: what clients sent is still allowed",
            Set.of(),
            s -> prop(s, "CreateWorldTrajectoryRequest", "goal").put("nullable", true)));
    cases.add(
        compatible(
            "an operation is added: old clients do not call it",
            Set.of(),
            s ->
                ((ObjectNode) s.get("paths"))
                    .set(JOB + "/sample-events", s.get("paths").get(JOB).deepCopy())));
    cases.add(
        compatible(
            "a description changes: documentation only",
            Set.of(),
            s -> prop(s, "WorldJob", "error").put("description", "Why the job failed.")));
    cases.add(
        compatible(
            "a response object's additional properties close: clients receive less",
            Set.of("additionalProperties"),
            s -> prop(s, "WorldJob", "result").put("additionalProperties", false)));
    return cases;
  }

  @TestFactory
  Stream<DynamicTest> eachChangeAloneIsJudgedAsAClientWouldJudgeIt() throws Exception {
    List<Case> cases = cases();
    List<Future<SpecCompatibility.Verdict>> verdicts = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      Path changed = dir.resolve("case-" + i + ".yaml");
      ObjectNode spec = (ObjectNode) YAML.readTree(baseline.toFile());
      c.change().accept(spec);
      YAML.writeValue(changed.toFile(), spec);
      verdicts.add(
          pool.submit(() -> SpecCompatibility.compare(baseline.toString(), changed.toString())));
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      Future<SpecCompatibility.Verdict> verdict = verdicts.get(i);
      tests.add(
          DynamicTest.dynamicTest(
              (c.breaks() ? "breaks: " : "compatible: ") + c.name(),
              () -> {
                SpecCompatibility.Verdict v = verdict.get();
                assertThat(v.incompatible())
                    .as(v.explanation() + "\n" + v.report())
                    .isEqualTo(c.breaks());
                if (c.breaks()) {
                  assertThat(v.mayShip()).isFalse();
                  assertThat(v.breakingChanges())
                      .as("the sentences name where the change is")
                      .anySatisfy(sentence -> assertThat(sentence).contains(c.where()));
                  assertThat(v.explanation())
                      .contains("raise the major version")
                      .contains(c.where());
                }
              }));
    }
    return tests.stream();
  }

  @Test
  void everyKeywordTheSpecUsesHasACase() throws IOException {
    Set<String> used = new TreeSet<>();
    keywords(YAML.readTree(CURRENT.toFile()), used);
    Set<String> covered = new LinkedHashSet<>(NO_CASE_NEEDED.keySet());
    cases().forEach(c -> covered.addAll(c.keywords()));
    // Each case changes the keywords it names; the table's other keywords are covered there too.
    covered.addAll(Set.of("properties", "type", "required", "schema", "name", "in"));

    assertThat(used)
        .as(
            "the spec uses keywords no case of this table covers: add a case for each (a change of"
                + " it alone, and whether it breaks clients and why), or list it in NO_CASE_NEEDED"
                + " with the reason no client can notice it")
        .isSubsetOf(covered);
  }

  /** The keywords used anywhere in the document, not the names of its members. */
  private static void keywords(JsonNode node, Set<String> used) {
    if (node.isArray()) {
      node.forEach(item -> keywords(item, used));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = field.getKey();
      used.add(key);
      JsonNode value = field.getValue();
      switch (key) {
        case "example",
            "examples",
            "x-provenance-note",
            "enum",
            "default",
            "contact",
            "license" -> {
          // values, not keywords
        }
        case "paths",
            "properties",
            "responses",
            "content",
            "headers",
            "schemas",
            "parameters",
            "securitySchemes",
            "x-worlds-pagination" -> {
          if (value.isObject()) {
            value.forEach(member -> keywords(member, used));
          } else {
            keywords(value, used);
          }
        }
        case "components" ->
            value.forEach(group -> group.forEach(member -> keywords(member, used)));
        case "security" -> {
          // requirements: maps of scheme names, not keywords
        }
        default -> keywords(value, used);
      }
    }
  }

  private static Case breaks(
      String name, String where, Set<String> keywords, Consumer<ObjectNode> change) {
    return new Case(name, true, where, keywords, change);
  }

  private static Case compatible(String name, Set<String> keywords, Consumer<ObjectNode> change) {
    return new Case(name, false, "", keywords, change);
  }

  private static ObjectNode schema(ObjectNode spec, String name) {
    return (ObjectNode) spec.at("/components/schemas/" + name);
  }

  private static ObjectNode props(ObjectNode spec, String schema) {
    return (ObjectNode) schema(spec, schema).get("properties");
  }

  private static ObjectNode prop(ObjectNode spec, String schema, String property) {
    return (ObjectNode) props(spec, schema).get(property);
  }

  private static ObjectNode queryParam(ObjectNode spec, String name) {
    for (JsonNode parameter : spec.at(ptr("/paths", JOBS, "get", "parameters"))) {
      if (name.equals(parameter.path("name").asText())) {
        return (ObjectNode) parameter;
      }
    }
    throw new AssertionError("no query parameter " + name);
  }

  private static void removeFrom(ArrayNode array, String value) {
    for (int i = array.size() - 1; i >= 0; i--) {
      if (array.get(i).asText().equals(value)) {
        array.remove(i);
      }
    }
  }

  /** A JSON pointer from its parts; a path's slashes escaped. */
  private static String ptr(String start, String path, String... rest) {
    return start + "/" + path.replace("~", "~0").replace("/", "~1") + "/" + String.join("/", rest);
  }
}
