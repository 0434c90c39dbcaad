package dev.worldsapi.spec.governance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.worldsapi.spec.PackagedSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The names the repository's own sample operations use (the gate table's added operation, the
 * regeneration check's) are reserved: a path segment starting {@code sample-}, an operation id
 * starting {@code sample_}, a client method starting {@code sample}, a schema starting {@code
 * Sample}. The real spec uses none of them, so that a sample never collides with a real operation
 * (whose checks would then fail with advice meant for the sample).
 */
class SampleNamesAreReservedTest {

  @Test
  void theSpecUsesNoNameReservedForSamples() throws IOException {
    JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(PackagedSpec.location());
    List<String> taken = new ArrayList<>();
    spec.path("paths")
        .properties()
        .forEach(
            path -> {
              for (String segment : path.getKey().split("/")) {
                if (segment.startsWith("sample-")) {
                  taken.add("path " + path.getKey());
                }
              }
              path.getValue()
                  .properties()
                  .forEach(
                      operation -> {
                        String id = operation.getValue().path("operationId").asText();
                        String method = operation.getValue().path("x-worlds-method").asText();
                        if (id.startsWith("sample_")) {
                          taken.add("operationId " + id);
                        }
                        if (method.startsWith("sample")) {
                          taken.add("x-worlds-method " + method + " of " + id);
                        }
                      });
            });
    spec.at("/components/schemas")
        .properties()
        .forEach(
            schema -> {
              if (schema.getKey().startsWith("Sample")) {
                taken.add("schema " + schema.getKey());
              }
            });
    assertThat(taken)
        .as(
            "names reserved for the repository's samples (BreakingChangeTableTest,"
                + " .ci/regeneration): rename these in openapi.yaml")
        .isEmpty();
  }
}
