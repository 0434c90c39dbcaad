package dev.worldsapi.contract.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every interaction of every pact file is allowed by openapi.yaml: paths, methods, parameters,
 * request bodies, statuses, headers and response bodies. A pact that passes against a provider but
 * asks for something the spec does not allow fails here, naming the interaction.
 *
 * <p>The pact files are Pact V4, which swagger-request-validator's Pact module cannot read with
 * Pact JVM 4.7; this reads the files itself and gives each interaction's example request and
 * response to the same validator's core ({@link OpenApiInteractionValidator}).
 */
class PactMatchesSpecIT {

  private static final Path PACTS = Path.of("target/pacts");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyInteractionOfEveryPactIsAllowedBySpec() throws IOException {
    List<Path> pacts;
    try (Stream<Path> files = Files.list(PACTS)) {
      pacts = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(pacts).as("pact files in %s", PACTS).isNotEmpty();
    // -Dworlds.contract.spec=<file or URL> checks the pacts against another version of the spec.
    String spec =
        System.getProperty(
            "worlds.contract.spec",
            getClass().getClassLoader().getResource("openapi.yaml").toString());
    OpenApiInteractionValidator validator =
        OpenApiInteractionValidator.createForSpecificationUrl(spec).build();

    List<String> violations = new ArrayList<>();
    int interactions = 0;
    for (Path pact : pacts) {
      JsonNode file = JSON.readTree(pact.toFile());
      assertThat(file.at("/metadata/pactSpecification/version").asText())
          .as("%s declares Pact V4", pact.getFileName())
          .isEqualTo("4.0");
      for (JsonNode interaction : file.path("interactions")) {
        interactions++;
        int status = interaction.at("/response/status").asInt();
        ValidationReport report =
            validator.validate(request(interaction.path("request")), response(interaction));
        report.getMessages().stream()
            .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
            .filter(message -> !isTheInvalidInputTheInteractionIsAbout(status, message.getKey()))
            .forEach(
                message ->
                    violations.add(
                        pact.getFileName()
                            + " / "
                            + interaction.path("description").asText()
                            + ": "
                            + message.getKey()
                            + ": "
                            + message.getMessage()));
      }
    }

    assertThat(interactions).as("interactions validated").isPositive();
    assertThat(violations).as("interactions the spec does not allow").isEmpty();
  }

  /**
   * An interaction answered 400 or 422 sends a request the spec forbids on purpose, to show the
   * error the provider returns; its request is not held to the spec, its response still is.
   */
  private static boolean isTheInvalidInputTheInteractionIsAbout(int status, String messageKey) {
    return (status == 400 || status == 422) && messageKey.startsWith("validation.request.");
  }

  private static Request request(JsonNode request) {
    SimpleRequest.Builder builder =
        new SimpleRequest.Builder(
            request.path("method").asText().toUpperCase(Locale.ROOT),
            request.path("path").asText());
    request
        .path("query")
        .fields()
        .forEachRemaining(q -> builder.withQueryParam(q.getKey(), texts(q.getValue())));
    request
        .path("headers")
        .fields()
        .forEachRemaining(h -> builder.withHeader(h.getKey(), texts(h.getValue())));
    String body = body(request.path("body"));
    if (body != null) {
      builder.withBody(body);
    }
    return builder.build();
  }

  private static SimpleResponse response(JsonNode interaction) {
    JsonNode response = interaction.path("response");
    SimpleResponse.Builder builder = SimpleResponse.Builder.status(response.path("status").asInt());
    response
        .path("headers")
        .fields()
        .forEachRemaining(h -> builder.withHeader(h.getKey(), texts(h.getValue())));
    String body = body(response.path("body"));
    if (body != null) {
      builder.withBody(body);
      if (!response.path("headers").has("Content-Type")) {
        builder.withContentType(response.at("/body/contentType").asText("application/json"));
      }
    }
    return builder.build();
  }

  /** A V4 body: {@code {"content": ..., "contentType": ..., "encoded": false}}. */
  private static String body(JsonNode body) {
    if (body.isMissingNode() || body.isNull() || body.path("content").isMissingNode()) {
      return null;
    }
    JsonNode content = body.get("content");
    return content.isTextual() ? content.asText() : content.toString();
  }

  private static List<String> texts(JsonNode values) {
    List<String> texts = new ArrayList<>();
    if (values.isArray()) {
      values.forEach(v -> texts.add(v.asText()));
    } else {
      texts.add(values.asText());
    }
    return texts;
  }
}
