package dev.worldsapi.server.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import dev.worldsapi.server.spec.SpecDocument;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Writes a null property as {@code null} when the spec declares it {@code nullable}, and leaves it
 * out otherwise, so that responses say what the spec says. Which properties are nullable is read
 * from the packaged spec itself ({@code openapi.yaml} of the api-spec jar), not repeated here; a
 * property is nullable where the spec says so itself or through the nullable schema it refers to.
 * Applies to the generated models, whose class names are the spec's schema names.
 */
final class SpecNullability extends JacksonAnnotationIntrospector {

  private static final long serialVersionUID = 1L;
  private static final String MODEL_PACKAGE = "dev.worldsapi.server.model";
  private static final JsonInclude.Value ALWAYS =
      JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS);

  private final Map<String, Set<String>> nullable;

  SpecNullability() {
    this.nullable = readSpec();
  }

  @Override
  public JsonInclude.Value findPropertyInclusion(Annotated annotated) {
    if (annotated instanceof AnnotatedMember member
        && member.getDeclaringClass().getPackageName().equals(MODEL_PACKAGE)) {
      JsonProperty property = annotated.getAnnotation(JsonProperty.class);
      if (property != null
          && nullable
              .getOrDefault(member.getDeclaringClass().getSimpleName(), Set.of())
              .contains(property.value())) {
        return ALWAYS;
      }
    }
    return super.findPropertyInclusion(annotated);
  }

  /** Schema name → JSON names of its nullable properties. */
  static Map<String, Set<String>> readSpec() {
    SpecDocument spec = SpecDocument.packaged();
    Map<String, Set<String>> nullable = new HashMap<>();
    spec.root()
        .path("components")
        .path("schemas")
        .fields()
        .forEachRemaining(
            schema -> {
              Set<String> names = new HashSet<>();
              spec.resolve(schema.getValue())
                  .path("properties")
                  .fields()
                  .forEachRemaining(
                      property -> {
                        if (spec.isNullable(property.getValue())) {
                          names.add(property.getKey());
                        }
                      });
              nullable.put(schema.getKey(), Set.copyOf(names));
            });
    return Map.copyOf(nullable);
  }
}
