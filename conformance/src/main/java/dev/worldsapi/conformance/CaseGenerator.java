package dev.worldsapi.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.worldsapi.conformance.ConformanceCase.Auth;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;

/**
 * Derives the cases from the spec alone: for every operation, requests the spec allows (the minimal
 * one, each allowed value of each parameter and body field, the documented example, seeded random
 * bodies) and requests that break exactly one of its rules (each type, enum, bound, length, format,
 * required field, non-nullable field, content type, {@code Accept}, method and credential). A new
 * operation, parameter, bound or status in the spec is a new case. The same seed gives the same
 * cases.
 */
final class CaseGenerator {

  static final long SEED = 20261128L;
  private static final int RANDOM_BODIES = 8;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");

  private final OpenAPI spec;
  private final Map<String, JsonNode> knownValues;
  private final OptionalInt headLimit;

  /**
   * @param knownValues body fields whose valid value only the target knows, by JSON name (a
   *     completed manifest's id for {@code manifest_id})
   */
  CaseGenerator(OpenAPI spec, Map<String, JsonNode> knownValues) {
    this(spec, knownValues, OptionalInt.empty());
  }

  /**
   * @param headLimit the most bytes the target reads of a request line and headers, when it says:
   *     the cases just past it (414, 431) are made only then, since where the limit lies is the
   *     server's, not the spec's
   */
  CaseGenerator(OpenAPI spec, Map<String, JsonNode> knownValues, OptionalInt headLimit) {
    this.spec = spec;
    this.knownValues = Map.copyOf(knownValues);
    this.headLimit = headLimit;
  }

  List<ConformanceCase> cases() {
    List<ConformanceCase> cases = new ArrayList<>();
    spec.getPaths()
        .forEach(
            (template, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, operation) ->
                            new OperationCases(template, item, method.name(), operation)
                                .addTo(cases)));
    return cases;
  }

  /** The cases of one operation. */
  private final class OperationCases {
    private final String template;
    private final PathItem item;
    private final String method;
    private final Operation operation;
    private final String id;
    private final List<Parameter> parameters = new ArrayList<>();
    private final Schema<?> body;
    private final boolean bodyRequired;
    private final JsonNode example;

    OperationCases(String template, PathItem item, String method, Operation operation) {
      this.template = template;
      this.item = item;
      this.method = method;
      this.operation = operation;
      this.id = operation.getOperationId();
      if (item.getParameters() != null) {
        parameters.addAll(item.getParameters());
      }
      if (operation.getParameters() != null) {
        parameters.addAll(operation.getParameters());
      }
      MediaType json =
          operation.getRequestBody() == null
              ? null
              : operation.getRequestBody().getContent().get("application/json");
      this.body = json == null ? null : json.getSchema();
      this.bodyRequired =
          operation.getRequestBody() != null
              && Boolean.TRUE.equals(operation.getRequestBody().getRequired());
      this.example =
          json == null || json.getExample() == null ? null : JSON.valueToTree(json.getExample());
    }

    void addTo(List<ConformanceCase> cases) {
      cases.add(positive("the minimal request", requiredQuery(), minimalBody()));
      behaviourCases(cases);
      queryCases(cases);
      pathCases(cases);
      headerCases(cases);
      if (body != null) {
        bodyCases(cases);
      }
      protocolCases(cases);
    }

    /**
     * What the spec says beyond a schema, from its extensions: a paged operation answers the page
     * asked for, no more items than its size, a total that counts them and items in its order; a
     * path that names a record answers that record, and 404 for a record that does not exist.
     */
    private void behaviourCases(List<ConformanceCase> cases) {
      Object paging =
          operation.getExtensions() == null
              ? null
              : operation.getExtensions().get("x-worlds-pagination");
      if (paging instanceof Map<?, ?> fields) {
        Parameter size = queryParameter(String.valueOf(fields.get("page-size")));
        int max = size.getSchema().getMaximum().intValue();
        for (int asked : new int[] {1, max}) {
          Map<String, String> facts = new LinkedHashMap<>();
          fields.forEach((role, name) -> facts.put(String.valueOf(role), String.valueOf(name)));
          facts.put("askedPage", "1");
          facts.put("askedSize", Integer.toString(asked));
          cases.add(
              caseOf(
                  "behaviour",
                  "page 1 of size " + asked + ": that page, at most " + asked + " items, in order",
                  method,
                  Map.of(),
                  query(
                      fields.get("page") + "=1&" + fields.get("page-size"),
                      Integer.toString(asked)),
                  jsonHeaders(),
                  bodyText(minimalBody()),
                  Auth.VALID,
                  Set.of(200),
                  null,
                  new ConformanceCase.Behaviour("page", Map.copyOf(facts))));
        }
      }
      for (Parameter parameter : parameters) {
        boolean names =
            "path".equals(parameter.getIn())
                && !Boolean.TRUE.equals(
                    parameter.getExtensions() == null
                        ? null
                        : parameter.getExtensions().get("x-worlds-scope"));
        if (!names) {
          continue;
        }
        if (declares(404)) {
          cases.add(
              caseOf(
                  "behaviour",
                  parameter.getName() + " of no record: 404",
                  method,
                  Map.of(parameter.getName(), "conformance-no-such-" + parameter.getName()),
                  requiredQuery(),
                  jsonHeaders(),
                  bodyText(minimalBody()),
                  Auth.VALID,
                  Set.of(404),
                  null));
        }
        if ("GET".equals(method) && answersAnId()) {
          cases.add(
              caseOf(
                  "behaviour",
                  "answers the record its " + parameter.getName() + " names",
                  method,
                  Map.of(),
                  requiredQuery(),
                  jsonHeaders(),
                  null,
                  Auth.VALID,
                  Set.of(200),
                  null,
                  new ConformanceCase.Behaviour(
                      "same-id", Map.of("field", "id", "parameter", parameter.getName()))));
        }
      }
    }

    private Parameter queryParameter(String name) {
      return parameters.stream()
          .filter(p -> "query".equals(p.getIn()) && name.equals(p.getName()))
          .findFirst()
          .orElseThrow(
              () -> new IllegalStateException(id + ": x-worlds-pagination names no query " + name));
    }

    /** Whether the 200 answer is an object with an {@code id}. */
    private boolean answersAnId() {
      var ok = operation.getResponses() == null ? null : operation.getResponses().get("200");
      if (ok == null
          || ok.getContent() == null
          || ok.getContent().get("application/json") == null) {
        return false;
      }
      Schema<?> schema = ok.getContent().get("application/json").getSchema();
      return schema != null
          && schema.getProperties() != null
          && schema.getProperties().containsKey("id");
    }

    private void queryCases(List<ConformanceCase> cases) {
      for (Parameter parameter : parameters) {
        if (!"query".equals(parameter.getIn())) {
          continue;
        }
        String name = parameter.getName();
        Samples.valid(parameter.getSchema())
            .forEach(
                (label, value) -> {
                  if (!value.isNull()) {
                    cases.add(
                        positive(
                            name + " = " + label,
                            query(name, encode(value.asText())),
                            minimalBody()));
                  }
                });
        List<Object> loc = List.of("query", name);
        for (String[] wire : queryBreaks(parameter.getSchema())) {
          cases.add(
              negative(wire[0], name + "=" + wire[1], query(name, wire[1]), minimalBody(), loc));
        }
        String one = encode(Samples.anyValid(parameter.getSchema()).asText());
        cases.add(
            negative(
                "repeated",
                name + " given twice",
                query(name, one) + "&" + name + "=" + one,
                minimalBody(),
                loc));
      }
    }

    /** {@code {rule, raw query value}}: the schema's JSON breaks as text, and exact reading. */
    private List<String[]> queryBreaks(Schema<?> schema) {
      List<String[]> breaks = new ArrayList<>();
      String type = Samples.type(schema);
      switch (type) {
        case "integer" -> {
          breaks.add(new String[] {"type", "abc"});
          breaks.add(new String[] {"type", "1.5"});
          breaks.add(new String[] {"type", ""});
          breaks.add(new String[] {"lexical", "%2B1"});
          breaks.add(new String[] {"lexical", "1%20"});
          breaks.add(new String[] {"lexical", "%EF%BC%91"});
        }
        case "boolean" -> breaks.add(new String[] {"type", "yes"});
        default -> {}
      }
      for (Samples.Break json : Samples.invalid(schema)) {
        if (json.rule().equals("type") || json.rule().equals("nullable")) {
          continue; // On the wire every value is text; the type breaks are above.
        }
        breaks.add(new String[] {json.rule(), encode(json.value().asText())});
      }
      if (schema.getEnum() != null) {
        String first = String.valueOf(schema.getEnum().get(0));
        breaks.add(new String[] {"lexical", encode(first) + "%20"});
        breaks.add(new String[] {"lexical", encode(first.toUpperCase(java.util.Locale.ROOT))});
      }
      return breaks;
    }

    private void headerCases(List<ConformanceCase> cases) {
      for (Parameter parameter : parameters) {
        if (!"header".equals(parameter.getIn())) {
          continue;
        }
        String name = parameter.getName();
        Samples.valid(parameter.getSchema())
            .forEach(
                (label, value) -> {
                  if (!value.isNull()) {
                    cases.add(
                        caseOf(
                            "positive",
                            name + ": " + label,
                            method,
                            Map.of(),
                            requiredQuery(),
                            // One value per operation: a header such as Idempotency-Key
                            // binds a value to one request.
                            withJson(Map.of(name, unique(value.asText(), parameter))),
                            bodyText(minimalBody()),
                            Auth.VALID,
                            Set.of(200),
                            null));
                  }
                });
        for (Samples.Break broken : Samples.invalid(parameter.getSchema())) {
          // A header's value is text: only the breaks of its text apply.
          if (broken.value().isTextual()) {
            cases.add(
                caseOf(
                    broken.rule(),
                    name + " " + broken.description(),
                    method,
                    Map.of(),
                    requiredQuery(),
                    withJson(Map.of(name, broken.value().asText())),
                    bodyText(minimalBody()),
                    Auth.VALID,
                    Set.of(422),
                    List.of("header", name)));
          }
        }
      }
    }

    /** The value made this operation's own, within the parameter's maximum length. */
    private String unique(String value, Parameter parameter) {
      String own = value + "-" + id;
      Integer max = parameter.getSchema().getMaxLength();
      return max == null || own.length() <= max ? own : id + value.substring(id.length());
    }

    private void pathCases(List<ConformanceCase> cases) {
      for (Parameter parameter : parameters) {
        Integer max = parameter.getSchema().getMaxLength();
        if ("path".equals(parameter.getIn()) && max != null) {
          // Just inside: no such organization, workspace or job, which is no 422. Just outside:
          // refused with one problem at the parameter.
          cases.add(
              caseOf(
                  "maxLength",
                  parameter.getName() + " of " + max + " characters",
                  method,
                  Map.of(parameter.getName(), "a".repeat(max)),
                  requiredQuery(),
                  jsonHeaders(),
                  bodyText(minimalBody()),
                  Auth.VALID,
                  Set.of(403, 404),
                  null));
          cases.add(
              caseOf(
                  "maxLength",
                  parameter.getName() + " of " + (max + 1) + " characters",
                  method,
                  Map.of(parameter.getName(), "a".repeat(max + 1)),
                  requiredQuery(),
                  jsonHeaders(),
                  bodyText(minimalBody()),
                  Auth.VALID,
                  Set.of(422),
                  List.of("path", parameter.getName())));
        }
        if ("path".equals(parameter.getIn())
            && parameter.getSchema().getMinLength() != null
            && parameter.getSchema().getMinLength() > 0) {
          // An empty segment no longer matches the path: the spec's answer is 404.
          cases.add(
              caseOf(
                  "minLength",
                  parameter.getName() + " empty",
                  method,
                  Map.of(parameter.getName(), ""),
                  requiredQuery(),
                  jsonHeaders(),
                  bodyText(minimalBody()),
                  Auth.VALID,
                  Set.of(404),
                  null));
        }
      }
    }

    private void bodyCases(List<ConformanceCase> cases) {
      Map<String, Schema> properties = properties(body);
      properties.forEach(
          (name, schema) -> {
            if (knownValues.containsKey(name)) {
              return;
            }
            Samples.valid(schema)
                .forEach(
                    (label, value) -> {
                      ObjectNode request = minimalBody();
                      request.set(name, value);
                      cases.add(
                          positive(
                              name + " = " + label, requiredQuery(), crossFieldRules(request)));
                    });
          });
      if (example != null) {
        ObjectNode documented = example.deepCopy();
        knownValues.forEach(
            (name, value) -> {
              if (documented.has(name)) {
                documented.set(name, value);
              }
            });
        cases.add(
            positiveOfKind(
                "example", "the documented example", requiredQuery(), crossFieldRules(documented)));
      }
      Random random = new Random(SEED ^ id.hashCode());
      for (int i = 0; i < RANDOM_BODIES; i++) {
        ObjectNode request = minimalBody();
        properties.forEach(
            (name, schema) -> {
              if (!knownValues.containsKey(name) && random.nextBoolean()) {
                List<JsonNode> values = new ArrayList<>(Samples.valid(schema).values());
                request.set(name, values.get(random.nextInt(values.size())));
              }
            });
        cases.add(
            positiveOfKind(
                "random",
                "seeded body " + (i + 1) + ": " + request,
                requiredQuery(),
                crossFieldRules(request)));
      }
      properties.forEach(
          (name, schema) -> {
            for (Samples.Break broken : Samples.invalid(schema)) {
              ObjectNode request = minimalBody();
              request.set(name, broken.value());
              List<Object> loc = new ArrayList<>(List.of("body", name));
              loc.addAll(broken.locSuffix());
              cases.add(
                  negative(
                      broken.rule(),
                      name + " " + broken.description(),
                      requiredQuery(),
                      request,
                      loc));
            }
          });
      if (body.getRequired() != null) {
        for (String name : body.getRequired()) {
          ObjectNode request = minimalBody();
          request.remove(name);
          cases.add(
              negative(
                  "required", name + " left out", requiredQuery(), request, List.of("body", name)));
        }
      }
      String truncated = "{\"name\": ";
      cases.add(
          caseOf(
              "json",
              "a body cut short",
              method,
              Map.of(),
              requiredQuery(),
              jsonHeaders(),
              truncated,
              Auth.VALID,
              Set.of(422),
              List.of("body", truncated.length())));
      if (bodyRequired) {
        cases.add(
            caseOf(
                "required",
                "no body",
                method,
                Map.of(),
                requiredQuery(),
                jsonHeaders(),
                null,
                Auth.VALID,
                Set.of(422),
                List.of("body")));
      }
      cases.add(
          caseOf(
              "content-type",
              "text/plain",
              method,
              Map.of(),
              requiredQuery(),
              Map.of("Content-Type", "text/plain"),
              bodyText(minimalBody()),
              Auth.VALID,
              Set.of(415),
              null));
    }

    private void protocolCases(List<ConformanceCase> cases) {
      String body = bodyText(minimalBody());
      cases.add(
          protocol(
              "content-type",
              "malformed Content-Type",
              Map.of("Content-Type", "application/"),
              body,
              Auth.VALID,
              400));
      cases.add(
          protocol(
              "accept",
              "Accept: text/html",
              withJson(Map.of("Accept", "text/html")),
              body,
              Auth.VALID,
              406));
      // Just past what the target reads of a request head: a request line, then headers, one byte
      // longer. Every request the spec allows is far shorter (its bounds).
      if (headLimit.isPresent() && declares(414)) {
        cases.add(
            caseOf(
                "head-limit",
                "a request line over the head limit of " + headLimit.getAsInt() + " bytes",
                method,
                Map.of(),
                query("padding", "a".repeat(headLimit.getAsInt() + 1)),
                jsonHeaders(),
                body,
                Auth.VALID,
                Set.of(414),
                null));
      }
      if (headLimit.isPresent() && declares(431)) {
        cases.add(
            protocol(
                "head-limit",
                "headers over the head limit of " + headLimit.getAsInt() + " bytes",
                withJson(Map.of("X-Padding", "a".repeat(headLimit.getAsInt() + 1))),
                body,
                Auth.VALID,
                431));
      }
      cases.add(protocol("auth", "no token", jsonHeaders(), body, Auth.NONE, 401));
      cases.add(protocol("auth", "not a bearer token", jsonHeaders(), body, Auth.NOT_BEARER, 401));
      cases.add(protocol("auth", "a wrong token", jsonHeaders(), body, Auth.WRONG_TOKEN, 401));
      Set<String> declared = new java.util.HashSet<>();
      item.readOperationsMap().keySet().forEach(m -> declared.add(m.name()));
      METHODS.stream()
          .filter(other -> !declared.contains(other))
          .findFirst()
          .ifPresent(
              other ->
                  cases.add(
                      caseOf(
                          "method",
                          other + " instead of " + method,
                          other,
                          Map.of(),
                          requiredQuery(),
                          Map.of(),
                          null,
                          Auth.VALID,
                          Set.of(405),
                          null)));
    }

    private boolean declares(int status) {
      return operation.getResponses() != null
          && operation.getResponses().containsKey(Integer.toString(status));
    }

    private ConformanceCase protocol(
        String kind,
        String description,
        Map<String, String> headers,
        String body,
        Auth auth,
        int status) {
      return caseOf(
          kind,
          description,
          method,
          Map.of(),
          requiredQuery(),
          headers,
          body,
          auth,
          Set.of(status),
          null);
    }

    private ConformanceCase caseOf(
        String kind,
        String description,
        String httpMethod,
        Map<String, String> pathValues,
        String query,
        Map<String, String> headers,
        String body,
        Auth auth,
        Set<Integer> expected,
        List<Object> loc) {
      return caseOf(
          kind,
          description,
          httpMethod,
          pathValues,
          query,
          headers,
          body,
          auth,
          expected,
          loc,
          ConformanceCase.Behaviour.NONE);
    }

    private ConformanceCase caseOf(
        String kind,
        String description,
        String httpMethod,
        Map<String, String> pathValues,
        String query,
        Map<String, String> headers,
        String body,
        Auth auth,
        Set<Integer> expected,
        List<Object> loc,
        ConformanceCase.Behaviour behaviour) {
      return new ConformanceCase(
          id,
          kind,
          description,
          httpMethod,
          template,
          pathValues,
          query,
          headers,
          body,
          auth,
          expected,
          loc,
          behaviour);
    }

    private ConformanceCase positive(String description, String query, ObjectNode request) {
      return positiveOfKind("positive", description, query, request);
    }

    private ConformanceCase positiveOfKind(
        String kind, String description, String query, ObjectNode request) {
      return caseOf(
          kind,
          description,
          method,
          Map.of(),
          query,
          jsonHeaders(),
          bodyText(request),
          Auth.VALID,
          Set.of(200),
          null);
    }

    private ConformanceCase negative(
        String kind, String description, String query, ObjectNode request, List<Object> loc) {
      return caseOf(
          kind,
          description,
          method,
          Map.of(),
          query,
          jsonHeaders(),
          bodyText(request),
          Auth.VALID,
          Set.of(422),
          List.copyOf(loc));
    }

    /** The required query parameters with allowed values, then {@code name=value}. */
    private String query(String name, String rawValue) {
      String required = requiredQuery();
      String pair = name + "=" + rawValue;
      return required.isEmpty() ? pair : required + "&" + pair;
    }

    private String requiredQuery() {
      List<String> pairs = new ArrayList<>();
      for (Parameter parameter : parameters) {
        if ("query".equals(parameter.getIn()) && Boolean.TRUE.equals(parameter.getRequired())) {
          pairs.add(
              parameter.getName() + "=" + encode(Samples.anyValid(parameter.getSchema()).asText()));
        }
      }
      return String.join("&", pairs);
    }

    /** The required fields with allowed values; {@code null} when the operation takes no body. */
    private ObjectNode minimalBody() {
      if (body == null) {
        return null;
      }
      ObjectNode request = JSON.createObjectNode();
      if (body.getRequired() != null) {
        Map<String, Schema> properties = properties(body);
        for (String name : body.getRequired()) {
          request.set(name, knownValues.getOrDefault(name, Samples.anyValid(properties.get(name))));
        }
      }
      return request;
    }

    private Map<String, String> jsonHeaders() {
      return body == null ? Map.of() : Map.of("Content-Type", "application/json");
    }

    private Map<String, String> withJson(Map<String, String> headers) {
      Map<String, String> all = new LinkedHashMap<>(jsonHeaders());
      all.putAll(headers);
      return all;
    }
  }

  /**
   * What OpenAPI 3.0 cannot say in a schema, and the spec says in words: a trajectory in {@code
   * agent} mode names a runtime and a capability.
   */
  private static ObjectNode crossFieldRules(ObjectNode request) {
    if (request != null && "agent".equals(request.path("mode").asText())) {
      if (!request.hasNonNull("runtime_id")) {
        request.put("runtime_id", "conformance");
      }
      if (!request.hasNonNull("capability_name")) {
        request.put("capability_name", "conformance");
      }
    }
    return request;
  }

  @SuppressWarnings("rawtypes")
  private static Map<String, Schema> properties(Schema<?> schema) {
    return schema.getProperties() == null ? Map.of() : schema.getProperties();
  }

  private static String bodyText(JsonNode request) {
    return request == null ? null : request.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
