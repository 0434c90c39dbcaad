package dev.worldsapi.conformance;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Checks an answer of a server against {@code openapi.yaml} (Atlassian's
 * swagger-request-validator): the status is declared for the operation, the headers and body match
 * what is declared for it, no field the spec does not define; and, for every failure, the canonical
 * envelope with {@code code} equal to the status and {@code application/json}. Thread-safe.
 *
 * <pre>{@code
 * List<String> problems = SpecResponses.packaged().check("GET", "/api/v1/.../jobs", 200, headers, body);
 * }</pre>
 */
public final class SpecResponses {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static volatile SpecResponses packaged;

  private final OpenApiInteractionValidator validator;

  private SpecResponses(URL spec) {
    this.validator = OpenApiInteractionValidator.createForSpecificationUrl(spec.toString()).build();
  }

  /** The check against the spec packaged in the worlds-api-spec jar. */
  public static SpecResponses packaged() {
    if (packaged == null) {
      synchronized (SpecResponses.class) {
        if (packaged == null) {
          packaged = new SpecResponses(ConformanceSpec.location());
        }
      }
    }
    return packaged;
  }

  /**
   * What is wrong with an answer; empty when nothing is.
   *
   * @param path the request's path, with or without its query
   * @param headers the answer's headers, names in any case
   */
  public List<String> check(
      String method, String path, int status, Map<String, List<String>> headers, String body) {
    List<String> problems = new ArrayList<>();
    String rawPath = URI.create(path).getRawPath();
    String contentType = header(headers, "Content-Type");
    if (ConformanceSpec.isOperation(method.toUpperCase(Locale.ROOT), rawPath)) {
      SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
      headers.forEach((name, values) -> response.withHeader(name, values));
      if (body != null && !body.isEmpty()) {
        response.withBody(body);
      }
      ValidationReport report =
          validator.validateResponse(
              rawPath, Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), response.build());
      report.getMessages().stream()
          .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
          .map(message -> message.getKey() + ": " + message.getMessage())
          .forEach(problems::add);
    }
    if (status >= 400) {
      envelope(status, contentType, body, problems);
    }
    return problems;
  }

  private static void envelope(int status, String contentType, String body, List<String> problems) {
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      problems.add("a failure must be application/json, was " + contentType);
      return;
    }
    JsonNode envelope;
    try {
      envelope = JSON.readTree(Objects.requireNonNullElse(body, ""));
    } catch (IOException notJson) {
      problems.add("a failure must be the JSON error envelope, was: " + body);
      return;
    }
    if (envelope == null || !envelope.path("code").canConvertToInt()) {
      problems.add("the error envelope has no integer code: " + body);
    } else if (envelope.get("code").asInt() != status) {
      problems.add("the envelope's code " + envelope.get("code") + " is not the status " + status);
    }
    for (String field : List.of("detail", "type")) {
      if (envelope == null
          || !envelope.path(field).isTextual()
          || envelope.get(field).asText().isBlank()) {
        problems.add("the error envelope has no " + field + ": " + body);
      }
    }
  }

  static String header(Map<String, List<String>> headers, String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
        .flatMap(e -> e.getValue().stream())
        .findFirst()
        .orElse(null);
  }
}
