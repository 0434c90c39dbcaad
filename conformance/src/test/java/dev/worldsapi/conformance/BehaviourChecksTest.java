package dev.worldsapi.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The behaviour checks catch what a schema check cannot: an implementation that answers every list
 * with an empty page, ignores the page size, sorts the other way, or answers another record than
 * the one asked for. The cases come from the spec (CaseGeneratorTest); the checks are here.
 */
class BehaviourChecksTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final ConformanceCase.Behaviour PAGE_OF_TWO =
      new ConformanceCase.Behaviour(
          "page",
          Map.of(
              "page", "page",
              "page-size", "page_size",
              "items", "items",
              "total", "total",
              "order", "-created_at",
              "askedPage", "1",
              "askedSize", "2"));

  @Test
  void anAlwaysEmptyAnswerFails() throws Exception {
    assertThat(check(PAGE_OF_TWO, "{\"items\": [], \"page\": 1, \"page_size\": 2, \"total\": 0}"))
        .anySatisfy(problem -> assertThat(problem).contains("the suite made a job there first"));
  }

  @Test
  void aPageThatIgnoresItsSizeOrItsTotalFails() throws Exception {
    assertThat(
            check(
                PAGE_OF_TWO,
                "{\"items\": [" + job("a", 3) + "], \"page\": 1, \"page_size\": 20, \"total\": 5}"))
        .contains(
            "page_size is not the size asked for, 2", "page 1 of size 2 of 5 holds 2 items, not 1");
  }

  @Test
  void itemsInTheOtherOrderFail() throws Exception {
    assertThat(
            check(
                PAGE_OF_TWO,
                "{\"items\": ["
                    + job("a", 1)
                    + ", "
                    + job("b", 2)
                    + "], \"page\": 1, \"page_size\": 2, \"total\": 2}"))
        .singleElement()
        .asString()
        .contains("not in the order -created_at");
  }

  @Test
  void aPageAsTheSpecSaysPasses() throws Exception {
    assertThat(
            check(
                PAGE_OF_TWO,
                "{\"items\": ["
                    + job("b", 2)
                    + ", "
                    + job("a", 1)
                    + "], \"page\": 1, \"page_size\": 2, \"total\": 7}"))
        .isEmpty();
  }

  @Test
  void anotherRecordThanTheOneNamedFails() throws Exception {
    ConformanceCase.Behaviour sameId =
        new ConformanceCase.Behaviour("same-id", Map.of("field", "id", "parameter", "job_id"));
    assertThat(
            ConformanceRunner.behaviour(
                sameId, JSON.readTree("{\"id\": \"job-2\"}"), Map.of("job_id", "job-1")))
        .containsExactly("the answer is the record job-2, not the job-1 its path names");
    assertThat(
            ConformanceRunner.behaviour(
                sameId, JSON.readTree("{\"id\": \"job-1\"}"), Map.of("job_id", "job-1")))
        .isEmpty();
  }

  private static List<String> check(ConformanceCase.Behaviour behaviour, String body)
      throws Exception {
    JsonNode json = JSON.readTree(body);
    return ConformanceRunner.behaviour(behaviour, json, Map.of());
  }

  private static String job(String id, int minute) {
    return "{\"id\": \"" + id + "\", \"created_at\": \"2026-01-05T10:0" + minute + ":00Z\"}";
  }
}
