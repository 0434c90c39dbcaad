package dev.worldsapi.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Runs generated cases against a service over HTTP and says, for each answer, what the spec would
 * have it be and how it is not. Every failure carries a {@code curl} line that repeats the request
 * (with {@code $WORLDS_TOKEN} in place of the token, which is never printed).
 */
public final class ConformanceRunner {

  /**
   * The service under test.
   *
   * @param baseUrl where the spec's paths start, e.g. {@code http://localhost:8080}
   * @param token a bearer token the service accepts
   * @param org an organization the token may use
   * @param workspace a workspace of it with at least one completed manifest job
   */
  public record Target(URI baseUrl, String token, String org, String workspace) {
    @Override
    public String toString() {
      return baseUrl + " (org " + org + ", workspace " + workspace + ")";
    }
  }

  /** One case's answer and everything wrong with it; {@link #passed()} when nothing is. */
  public record Result(
      ConformanceCase conformanceCase,
      int status,
      Map<String, List<String>> headers,
      String body,
      List<String> problems,
      String curl) {
    public boolean passed() {
      return problems.isEmpty();
    }

    /** The case, the answer and each problem, then the {@code curl} line that repeats it. */
    public String report() {
      return conformanceCase
          + "\n  answered "
          + status
          + ": "
          + (body.length() > 400 ? body.substring(0, 400) + "..." : body)
          + problems.stream().map(p -> "\n  - " + p).collect(Collectors.joining())
          + "\n  repeat it: "
          + curl;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NOT_BEARER = "Basic Y29uZm9ybWFuY2U6eA==";
  private static final String WRONG_TOKEN = "Bearer not-the-token";

  private final Target target;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private String sharedJobId;

  public ConformanceRunner(Target target) {
    this.target = target;
  }

  /**
   * Every case the spec gives, with the values only the service knows filled in: a completed
   * manifest (found through the list operation) and a job (made through the create operation).
   */
  public List<ConformanceCase> cases() {
    return cases(OptionalInt.empty());
  }

  /**
   * As {@link #cases()}, with the cases just past the target's limit on a request head (414, 431)
   * when {@code headLimit} says where it lies.
   */
  public List<ConformanceCase> cases(OptionalInt headLimit) {
    JsonNode manifest =
        send("GET", jobsPath() + "?kind=manifest_generation&status=completed&page_size=1", null)
            .json()
            .path("items")
            .path(0)
            .path("resource_id");
    if (!manifest.isTextual()) {
      throw new IllegalStateException(
          "the target has no completed manifest job in "
              + target
              + ": the trajectory cases need one; complete one, then run again");
    }
    sharedJobId = createJob();
    return new CaseGenerator(
            ConformanceSpec.resolved(),
            Map.of("manifest_id", TextNode.valueOf(manifest.asText())),
            headLimit)
        .cases();
  }

  /** How many cases there are of each operation and kind, as a table. */
  public static String summary(List<ConformanceCase> cases) {
    Map<String, Map<String, Long>> counts = new TreeMap<>();
    for (ConformanceCase c : cases) {
      counts.computeIfAbsent(c.operationId(), k -> new TreeMap<>()).merge(c.kind(), 1L, Long::sum);
    }
    StringBuilder table =
        new StringBuilder(
            "Conformance cases generated from openapi.yaml (seed "
                + CaseGenerator.SEED
                + "): "
                + cases.size()
                + "\n");
    counts.forEach(
        (operation, kinds) ->
            table
                .append(
                    String.format(
                        "  %-24s %4d  ",
                        operation, kinds.values().stream().mapToLong(Long::longValue).sum()))
                .append(
                    kinds.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ")))
                .append('\n'));
    return table.toString();
  }

  /** Sends the case and checks the answer. */
  public Result run(ConformanceCase c) {
    Map<String, String> values = pathValues(c);
    String path = path(c, values);
    Reply reply = send(c.method(), path, c.body(), c.headers(), c.auth());
    List<String> problems = new ArrayList<>();
    if (!c.expected().contains(reply.status())) {
      problems.add("the spec's answer is " + c.expected() + ", not " + reply.status());
    }
    problems.addAll(
        SpecResponses.packaged()
            .check(c.method(), path, reply.status(), reply.headers(), reply.body()));
    if (c.loc() != null && reply.status() == 422) {
      JsonNode errors = reply.json().path("errors");
      List<Object> locs = new ArrayList<>();
      errors.forEach(error -> locs.add(JSON.convertValue(error.path("loc"), List.class)));
      if (locs.size() != 1 || !locs.get(0).equals(c.loc())) {
        problems.add("one problem at " + c.loc() + " was broken, the errors name " + locs);
      }
    }
    if (reply.status() == 200) {
      problems.addAll(behaviour(c.behaviour(), reply.json(), values));
    }
    if (reply.status() == 401
        && !startsWith(SpecResponses.header(reply.headers(), "WWW-Authenticate"), "Bearer")) {
      problems.add("a 401 must carry WWW-Authenticate: Bearer");
    }
    if (reply.status() == 405 && SpecResponses.header(reply.headers(), "Allow") == null) {
      problems.add("a 405 must carry Allow");
    }
    return new Result(
        c, reply.status(), reply.headers(), reply.body(), List.copyOf(problems), curl(c, path));
  }

  /**
   * Checks a limit of {@code requests} for each caller: that many reads of the job list are
   * answered, each saying where the caller stands ({@code RateLimit-Policy}, {@code RateLimit}),
   * and the next is answered 429 with {@code Retry-After} and the envelope, as the spec says. Run
   * it against a service whose window is longer than the check takes, and whose caller has sent
   * nothing in it yet.
   *
   * @return what is wrong; empty when nothing is
   */
  public List<String> checkRateLimit(int requests) {
    List<String> problems = new ArrayList<>();
    String path = jobsPath();
    for (int i = 1; i <= requests + 1; i++) {
      Reply reply = send("GET", path, null);
      boolean past = i > requests;
      int expected = past ? 429 : 200;
      String which = "request " + i + " of a limit of " + requests;
      if (reply.status() != expected) {
        problems.add(which + ": the spec's answer is " + expected + ", not " + reply.status());
        break;
      }
      problems.addAll(
          SpecResponses.packaged()
              .check("GET", path, reply.status(), reply.headers(), reply.body())
              .stream()
              .map(problem -> which + ": " + problem)
              .toList());
      for (String header :
          past
              ? List.of("Retry-After", "RateLimit-Policy", "RateLimit")
              : List.of("RateLimit-Policy", "RateLimit")) {
        if (SpecResponses.header(reply.headers(), header) == null) {
          problems.add(which + ": no " + header);
        }
      }
      String standing = SpecResponses.header(reply.headers(), "RateLimit");
      String left = "r=" + (past ? 0 : requests - i);
      if (standing != null && !standing.contains(left)) {
        problems.add(which + ": RateLimit says " + standing + ", not " + left);
      }
    }
    return List.copyOf(problems);
  }

  /** The path parameters a case is sent with: the target's, a job of its own, then the case's. */
  private Map<String, String> pathValues(ConformanceCase c) {
    Map<String, String> values =
        new TreeMap<>(Map.of("org", target.org(), "workspace", target.workspace()));
    if (c.template().contains("{job_id}")) {
      // A case that changes a job gets one of its own.
      values.put("job_id", c.method().equals("GET") ? sharedJobId : createJob());
    }
    values.putAll(c.pathValues());
    return values;
  }

  private static String path(ConformanceCase c, Map<String, String> values) {
    String path = c.template();
    for (Map.Entry<String, String> value : values.entrySet()) {
      path = path.replace("{" + value.getKey() + "}", value.getValue());
    }
    return c.query().isEmpty() ? path : path + "?" + c.query();
  }

  /** What the body shows against what the spec says it must, beyond its schema. */
  static List<String> behaviour(
      ConformanceCase.Behaviour behaviour, JsonNode body, Map<String, String> pathValues) {
    Map<String, String> facts = behaviour.facts();
    List<String> problems = new ArrayList<>();
    switch (behaviour.rule()) {
      case "page" -> {
        JsonNode items = body.path(facts.get("items"));
        int askedPage = Integer.parseInt(facts.get("askedPage"));
        int askedSize = Integer.parseInt(facts.get("askedSize"));
        long total = body.path(facts.get("total")).asLong(-1);
        if (body.path(facts.get("page")).asInt() != askedPage) {
          problems.add(facts.get("page") + " is not the page asked for, " + askedPage);
        }
        if (body.path(facts.get("page-size")).asInt() != askedSize) {
          problems.add(facts.get("page-size") + " is not the size asked for, " + askedSize);
        }
        if (total < 1) {
          problems.add(
              facts.get("total") + " is " + total + ", yet the suite made a job there first");
        }
        long expected =
            Math.min(askedSize, Math.max(0, total - (long) (askedPage - 1) * askedSize));
        if (items.size() != expected) {
          problems.add(
              "page "
                  + askedPage
                  + " of size "
                  + askedSize
                  + " of "
                  + total
                  + " holds "
                  + expected
                  + " items, not "
                  + items.size());
        }
        String order = facts.get("order");
        if (order != null && order.startsWith("-")) {
          String field = order.substring(1);
          for (int i = 1; i < items.size(); i++) {
            java.time.OffsetDateTime before =
                java.time.OffsetDateTime.parse(items.get(i - 1).path(field).asText());
            java.time.OffsetDateTime after =
                java.time.OffsetDateTime.parse(items.get(i).path(field).asText());
            if (after.isAfter(before)) {
              problems.add(
                  "items are not in the order "
                      + order
                      + ": item "
                      + i
                      + " is newer than item "
                      + (i - 1));
              break;
            }
          }
        }
      }
      case "same-id" -> {
        String named = pathValues.get(facts.get("parameter"));
        String answered = body.path(facts.get("field")).asText(null);
        if (!java.util.Objects.equals(named, answered)) {
          problems.add(
              "the answer is the record " + answered + ", not the " + named + " its path names");
        }
      }
      default -> {}
    }
    return problems;
  }

  private String createJob() {
    Reply created =
        send(
            "POST",
            jobsPath().replace("/jobs", "/manifests"),
            "{}",
            Map.of("Content-Type", "application/json"),
            ConformanceCase.Auth.VALID);
    if (created.status() != 200 || !created.json().path("id").isTextual()) {
      throw new IllegalStateException(
          "cannot create a job in " + target + ": " + created.status() + " " + created.body());
    }
    return created.json().get("id").asText();
  }

  private String jobsPath() {
    return "/api/v1/org/" + target.org() + "/ws/" + target.workspace() + "/worlds/jobs";
  }

  private record Reply(int status, Map<String, List<String>> headers, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException notJson) {
        return JSON.missingNode();
      }
    }
  }

  private Reply send(String method, String path, String body) {
    return send(method, path, body, Map.of(), ConformanceCase.Auth.VALID);
  }

  private Reply send(
      String method,
      String path,
      String body,
      Map<String, String> headers,
      ConformanceCase.Auth auth) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(target.baseUrl().toString().replaceAll("/+$", "") + path))
            .timeout(Duration.ofSeconds(10))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    switch (auth) {
      case VALID -> request.header("Authorization", "Bearer " + target.token());
      case NOT_BEARER -> request.header("Authorization", NOT_BEARER);
      case WRONG_TOKEN -> request.header("Authorization", WRONG_TOKEN);
      case NONE -> {}
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(
          method + " " + path + " to " + target.baseUrl() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private String curl(ConformanceCase c, String path) {
    StringBuilder curl =
        new StringBuilder("curl -i -X ")
            .append(c.method())
            .append(" '")
            .append(target.baseUrl().toString().replaceAll("/+$", ""))
            .append(path)
            .append('\'');
    switch (c.auth()) {
      case VALID -> curl.append(" -H \"Authorization: Bearer $WORLDS_TOKEN\"");
      case NOT_BEARER -> curl.append(" -H 'Authorization: ").append(NOT_BEARER).append('\'');
      case WRONG_TOKEN -> curl.append(" -H 'Authorization: ").append(WRONG_TOKEN).append('\'');
      case NONE -> {}
    }
    c.headers()
        .forEach(
            (name, value) ->
                curl.append(" -H '").append(name).append(": ").append(value).append('\''));
    if (c.body() != null) {
      curl.append(" --data-raw '").append(c.body().replace("'", "'\\''")).append('\'');
    }
    return curl.toString();
  }

  private static boolean startsWith(String value, String prefix) {
    return value != null && value.startsWith(prefix);
  }
}
