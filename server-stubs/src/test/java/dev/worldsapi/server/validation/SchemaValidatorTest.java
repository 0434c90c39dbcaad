package dev.worldsapi.server.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.worldsapi.server.model.ValidationError;
import dev.worldsapi.server.spec.SpecDocument;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schema checker on its own: what it refuses to load, and nullability through references. */
class SchemaValidatorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aSpecWithARuleTheRuntimeCannotEnforceFailsTheStartNamingIt() {
    SpecDocument packaged = SpecDocument.packaged();
    ObjectNode root = packaged.root().deepCopy();
    ((ObjectNode) root.at("/components/schemas/CreateWorldManifestRequest/properties/name"))
        .put("pattern", "^[a-z]+$");

    assertThatThrownBy(() -> new RequestValidationFilter(new SpecDocument(root)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("`pattern`")
        .hasMessageContaining("POST /api/v1/org/{org}/ws/{workspace}/worlds/manifests body.name");
  }

  @Test
  void theRuntimeEnforcesEveryRuleOfThePackagedSpec() {
    SpecDocument spec = SpecDocument.packaged();
    int operations = 0;
    for (var path : spec.root().path("paths")) {
      for (var op : path) {
        operations += op.has("responses") ? 1 : 0;
      }
    }

    assertThat(SpecOperation.all(spec, new SchemaValidator(spec))).hasSize(operations);
  }

  @Test
  void nullPassesANullableSchemaBehindAllOfAndFailsAPlainOne() throws Exception {
    SpecDocument spec = SpecDocument.packaged();
    JsonNode job = spec.root().at("/components/schemas/WorldJob/properties");
    SchemaValidator validator = new SchemaValidator(spec);
    List<ValidationError> errors = new ArrayList<>();

    validator.validate(JSON.nullNode(), job.get("created_by_user"), List.of("x"), errors);
    validator.validate(JSON.nullNode(), job.get("resource_type"), List.of("x"), errors);
    assertThat(errors).isEmpty();

    validator.validate(JSON.nullNode(), job.get("status"), List.of("status"), errors);
    validator.validate(JSON.nullNode(), job.get("id"), List.of("id"), errors);
    assertThat(errors).extracting(ValidationError::getType).containsExactly("enum", "string_type");
  }
}
