package dev.worldsapi.contract.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.pact.PactProviderValidationResults;
import com.atlassian.oai.validator.pact.PactProviderValidator;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.worldsapi.contract.Contract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every interaction of every pact file is allowed by openapi.yaml: paths, methods, parameters,
 * request bodies, statuses, headers and response bodies. A pact that passes against a provider but
 * asks for something the spec does not allow fails here, naming the interaction.
 */
class PactMatchesSpecIT {

  private static final Path PACTS = Path.of("target/pacts");

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

    List<String> violations = new ArrayList<>();
    int interactions = 0;
    for (Path pact : pacts) {
      PactProviderValidationResults results =
          PactProviderValidator.createFor(spec)
              .withConsumer(Contract.CONSUMER, pact.toUri().toURL())
              .build()
              .validate();
      Map<String, Integer> statuses = responseStatuses(pact);
      for (PactProviderValidationResults.ConsumerResult consumer : results.getConsumerResults()) {
        interactions += consumer.getInteractionResults().size();
        for (Map.Entry<String, ValidationReport> failed :
            consumer.getFailedInteractions().entrySet()) {
          failed.getValue().getMessages().stream()
              .filter(
                  message ->
                      !isTheInvalidInputTheInteractionIsAbout(
                          statuses.get(failed.getKey()), message.getKey()))
              .forEach(
                  message ->
                      violations.add(
                          pact.getFileName()
                              + " / "
                              + failed.getKey()
                              + ": "
                              + message.getKey()
                              + ": "
                              + message.getMessage()));
        }
      }
    }

    assertThat(interactions).as("interactions validated").isGreaterThanOrEqualTo(21);
    assertThat(violations).as("interactions the spec does not allow").isEmpty();
  }

  /**
   * An interaction answered 400 or 422 sends a request the spec forbids on purpose, to show the
   * error the provider returns; its request is not held to the spec, its response still is.
   */
  private static boolean isTheInvalidInputTheInteractionIsAbout(
      Integer responseStatus, String messageKey) {
    return responseStatus != null
        && (responseStatus == 400 || responseStatus == 422)
        && messageKey.startsWith("validation.request.");
  }

  /** Each interaction's response status, by description. */
  private static Map<String, Integer> responseStatuses(Path pact) throws IOException {
    Map<String, Integer> statuses = new HashMap<>();
    for (JsonNode interaction : new ObjectMapper().readTree(pact.toFile()).path("interactions")) {
      statuses.put(
          interaction.path("description").asText(),
          interaction.path("response").path("status").asInt());
    }
    return statuses;
  }
}
