package dev.worldsapi.server.errors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldsapi.server.model.ErrorEnvelope;
import dev.worldsapi.server.model.ValidationError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An envelope keeps within the spec's bounds on it, whatever a mapper or the engine gives it. */
class ErrorResponsesTest {

  @Test
  void theBoundsAreTheSpecs() {
    var spec = dev.worldsapi.server.spec.SpecDocument.packaged().root();
    assertThat(ErrorResponses.MAX_DETAIL)
        .isEqualTo(
            spec.at("/components/schemas/ErrorEnvelope/properties/detail/maxLength").asInt());
    assertThat(ErrorResponses.MAX_ERRORS)
        .isEqualTo(spec.at("/components/schemas/ErrorEnvelope/properties/errors/maxItems").asInt());
    assertThat(ErrorResponses.MAX_MSG)
        .isEqualTo(spec.at("/components/schemas/ValidationError/properties/msg/maxLength").asInt())
        .isLessThan(Integer.MAX_VALUE);
  }

  @Test
  void aLongDetailIsCutShortWithinItsMaxLength() {
    ErrorEnvelope body =
        ErrorResponses.body(404, "not_found_error", "Job " + "x".repeat(5000), List.of());

    assertThat(body.getDetail().codePointCount(0, body.getDetail().length()))
        .isEqualTo(ErrorResponses.MAX_DETAIL);
    assertThat(body.getDetail()).startsWith("Job xxx").endsWith("…");
  }

  @Test
  void moreProblemsThanTheSpecAllowsListTheFirstAndSayHowManyThereWere() {
    List<ValidationError> errors = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      errors.add(
          new ValidationError(List.of("body", "domains", i), "m".repeat(600), "string_type"));
    }

    ErrorEnvelope body = ErrorResponses.body(422, "validation_error", "Validation error", errors);

    assertThat(body.getErrors()).hasSize(ErrorResponses.MAX_ERRORS);
    assertThat(body.getErrors().get(99).getLoc()).containsExactly("body", "domains", 99);
    assertThat(body.getErrors().get(0).getMsg()).hasSize(ErrorResponses.MAX_MSG).endsWith("…");
    assertThat(body.getDetail())
        .isEqualTo(
            "Validation error (the first " + ErrorResponses.MAX_ERRORS + " of 150 problems)");
  }

  @Test
  void anEnvelopeWithinTheBoundsIsKeptAsItIs() {
    ValidationError error = new ValidationError(List.of("query", "page"), "Input should be", "t");

    ErrorEnvelope body =
        ErrorResponses.body(422, "validation_error", "Validation error", List.of(error));

    assertThat(body.getDetail()).isEqualTo("Validation error");
    assertThat(body.getErrors()).containsExactly(error);
  }
}
