package dev.worldsapi.contract.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.worldsapi.contract.Contract;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every (operation, declared status) pair of openapi.yaml is stated by a consumer interaction, or
 * waived with a reason in {@code pact-coverage-waivers.yaml}. An operation added to the spec fails
 * this test by name until interactions cover it. Prints the coverage table and writes it to {@code
 * target/pact-coverage.md}.
 */
class PactCoversSpecIT {

  /** What every operation must state in the pact: never waived. */
  private static final Set<String> MUST_COVER = Set.of("401", "403", "404", "429", "500");

  private static final Path PACTS = Path.of("target/pacts");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void everyDeclaredStatusOfEveryOperationIsCoveredOrWaived() throws IOException {
    Map<String, Set<String>> declared = declaredStatuses();
    Map<String, Map<String, Integer>> covered = coveredStatuses();
    List<Waiver> waivers = waivers();

    List<String> problems = new ArrayList<>();
    Set<String> allStatuses = new TreeSet<>();
    declared.values().forEach(allStatuses::addAll);
    StringBuilder table =
        new StringBuilder("| operation | ")
            .append(String.join(" | ", allStatuses))
            .append(" |\n|---|")
            .append("---|".repeat(allStatuses.size()))
            .append('\n');
    declared.forEach(
        (operation, statuses) -> {
          Map<String, String> cells = new TreeMap<>();
          if (!covered.containsKey(operation)) {
            problems.add(
                operation
                    + " has no consumer interaction: its client methods are generated; add its"
                    + " success interaction to contract-tests' JobsPactTest and its "
                    + MUST_COVER
                    + " interactions to ErrorsPactTest's EVERY_OPERATION (README, \"Changing the"
                    + " spec\")");
          }
          for (String status : statuses) {
            int interactions = covered.getOrDefault(operation, Map.of()).getOrDefault(status, 0);
            Waiver waiver =
                waivers.stream().filter(w -> w.applies(operation, status)).findFirst().orElse(null);
            String cell;
            if (interactions > 0) {
              cell = String.valueOf(interactions);
              if (waiver != null && !waiver.operation().equals("*")) {
                problems.add(operation + " " + status + " is covered: remove its waiver");
              }
            } else if (waiver != null) {
              cell = "w";
              if (status.startsWith("2") || MUST_COVER.contains(status)) {
                problems.add(operation + " " + status + " must be covered, not waived");
              }
            } else {
              cell = "**MISSING**";
              problems.add(
                  operation
                      + " "
                      + status
                      + " is neither covered nor waived: add an interaction for it, or, when no"
                      + " consumer can stage it and it is not one of "
                      + MUST_COVER
                      + ", a waiver with its reason in pact-coverage-waivers.yaml");
            }
            cells.put(status, cell);
          }
          table.append("| ").append(operation);
          allStatuses.forEach(status -> table.append(" | ").append(cells.getOrDefault(status, "")));
          table.append(" |\n");
        });
    for (Waiver waiver : waivers) {
      boolean declaredSomewhere =
          declared.entrySet().stream()
              .anyMatch(
                  e ->
                      waiver.applies(e.getKey(), waiver.status())
                          && e.getValue().contains(waiver.status()));
      if (!declaredSomewhere) {
        problems.add(
            "waiver of "
                + waiver.operation()
                + " "
                + waiver.status()
                + " names nothing the spec declares");
      }
    }
    table.append("\nA number: the interactions that state it; w: waived; empty: not declared.\n");
    table.append("\nWaivers (pact-coverage-waivers.yaml):\n\n");
    waivers.forEach(
        w ->
            table
                .append("- ")
                .append(w.operation())
                .append(' ')
                .append(w.status())
                .append(": ")
                .append(w.reason())
                .append('\n'));
    System.out.print("Pact coverage of openapi.yaml (operation, declared status):\n" + table);
    Files.createDirectories(Path.of("target"));
    Files.writeString(
        Path.of("target/pact-coverage.md"), "# Pact coverage of openapi.yaml\n\n" + table);

    assertThat(problems).as("pact coverage of openapi.yaml, see target/pact-coverage.md").isEmpty();
  }

  record Waiver(String operation, String status, String reason) {
    boolean applies(String op, String st) {
      return (operation.equals("*") || operation.equals(op)) && status.equals(st);
    }
  }

  private static Map<String, Set<String>> declaredStatuses() throws IOException {
    try (InputStream in =
        PactCoversSpecIT.class.getClassLoader().getResourceAsStream("openapi.yaml")) {
      Map<String, Set<String>> declared = new TreeMap<>();
      YAML.readTree(in)
          .path("paths")
          .forEach(
              item ->
                  item.fields()
                      .forEachRemaining(
                          op -> {
                            if (op.getValue().has("operationId")) {
                              Set<String> statuses = new TreeSet<>();
                              op.getValue()
                                  .path("responses")
                                  .fieldNames()
                                  .forEachRemaining(statuses::add);
                              declared.put(op.getValue().get("operationId").asText(), statuses);
                            }
                          }));
      return declared;
    }
  }

  /** Operation → status → how many interactions state it, from the V4 references. */
  private static Map<String, Map<String, Integer>> coveredStatuses() throws IOException {
    Map<String, Map<String, Integer>> covered = new TreeMap<>();
    List<Path> pacts;
    try (Stream<Path> files = Files.list(PACTS)) {
      pacts = files.filter(f -> f.toString().endsWith(".json")).toList();
    }
    assertThat(pacts).as("pact files in %s", PACTS).isNotEmpty();
    for (Path pact : pacts) {
      for (JsonNode interaction : JSON.readTree(pact.toFile()).path("interactions")) {
        JsonNode operation =
            interaction
                .path("comments")
                .path("references")
                .path(Contract.OPENAPI)
                .path("operationId");
        assertThat(operation.isTextual())
            .as("%s names its operationId", interaction.path("description").asText())
            .isTrue();
        covered
            .computeIfAbsent(operation.asText(), k -> new TreeMap<>())
            .merge(interaction.path("response").path("status").asText(), 1, Integer::sum);
      }
    }
    return covered;
  }

  private static List<Waiver> waivers() throws IOException {
    try (InputStream in =
        PactCoversSpecIT.class.getClassLoader().getResourceAsStream("pact-coverage-waivers.yaml")) {
      List<Waiver> waivers = new ArrayList<>();
      for (JsonNode waiver : YAML.readTree(in)) {
        assertThat(waiver.path("reason").asText()).as("reason of waiver %s", waiver).isNotBlank();
        waivers.add(
            new Waiver(
                waiver.path("operation").asText(),
                waiver.path("status").asText(),
                waiver.path("reason").asText().strip()));
      }
      return waivers;
    }
  }
}
