package dev.worldsapi.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cases come from the spec: its bounds, and whatever it grows. */
class CaseGeneratorTest {

  private static final Map<String, com.fasterxml.jackson.databind.JsonNode> KNOWN =
      Map.of("manifest_id", TextNode.valueOf(Samples.A_UUID));

  @Test
  void everyBoundIsBrokenJustPastIt() {
    List<ConformanceCase> cases = new CaseGenerator(ConformanceSpec.resolved(), KNOWN).cases();

    assertThat(cases)
        .filteredOn(c -> c.kind().equals("maximum"))
        .extracting(ConformanceCase::description)
        .contains("page_size=101", "page=2147483648", "seed 2147483648", "num_hosts 10001");
    assertThat(cases)
        .filteredOn(c -> c.description().equals("page_size=101"))
        .singleElement()
        .satisfies(c -> assertThat(c.loc()).containsExactly("query", "page_size"));
  }

  @Test
  void theSameSeedGivesTheSameCases() {
    assertThat(new CaseGenerator(ConformanceSpec.resolved(), KNOWN).cases())
        .isEqualTo(new CaseGenerator(ConformanceSpec.resolved(), KNOWN).cases());
  }

  @Test
  void aParameterAddedToTheSpecIsTestedWithoutAnyOtherChange() {
    OpenAPI spec = ConformanceSpec.resolved();
    OpenAPI grown =
        new io.swagger.v3.parser.OpenAPIV3Parser()
            .readLocation(ConformanceSpec.location().toString(), null, resolveFully())
            .getOpenAPI();
    grown
        .getPaths()
        .get("/api/v1/org/{org}/ws/{workspace}/worlds/jobs")
        .getGet()
        .addParametersItem(
            new QueryParameter()
                .name("since_days")
                .schema(new IntegerSchema().minimum(BigDecimal.ONE).maximum(BigDecimal.TEN)));

    List<ConformanceCase> before = new CaseGenerator(spec, KNOWN).cases();
    List<ConformanceCase> after = new CaseGenerator(grown, KNOWN).cases();

    assertThat(after)
        .filteredOn(c -> c.description().startsWith("since_days"))
        .extracting(ConformanceCase::description)
        .contains(
            "since_days = minimum 1", "since_days = maximum 10", "since_days=0", "since_days=11");
    assertThat(after.size()).isGreaterThan(before.size());
  }

  private static io.swagger.v3.parser.core.models.ParseOptions resolveFully() {
    var options = new io.swagger.v3.parser.core.models.ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    options.setResolveCombinators(false);
    return options;
  }
}
