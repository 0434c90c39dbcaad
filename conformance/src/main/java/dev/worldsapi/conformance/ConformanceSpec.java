package dev.worldsapi.conformance;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URL;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The packaged spec, parsed with every reference resolved, as the suite reads it. */
final class ConformanceSpec {

  private static volatile OpenAPI resolved;
  private static volatile Map<Pattern, Set<String>> paths;

  private ConformanceSpec() {}

  static URL location() {
    URL url = ConformanceSpec.class.getClassLoader().getResource("openapi.yaml");
    if (url == null) {
      throw new IllegalStateException("openapi.yaml is not on the classpath: add worlds-api-spec");
    }
    return url;
  }

  static OpenAPI resolved() {
    if (resolved == null) {
      synchronized (ConformanceSpec.class) {
        if (resolved == null) {
          ParseOptions options = new ParseOptions();
          options.setResolve(true);
          options.setResolveFully(true);
          options.setResolveCombinators(false);
          SwaggerParseResult result =
              new OpenAPIV3Parser().readLocation(location().toString(), List.of(), options);
          if (result.getOpenAPI() == null) {
            throw new IllegalStateException("openapi.yaml does not parse: " + result.getMessages());
          }
          resolved = result.getOpenAPI();
        }
      }
    }
    return resolved;
  }

  /**
   * Whether a raw request path is one of the spec's paths, each parameter one whole segment, and
   * the method one of its operations.
   */
  static boolean isOperation(String method, String rawPath) {
    if (paths == null) {
      Map<Pattern, Set<String>> compiled = new LinkedHashMap<>();
      resolved()
          .getPaths()
          .forEach(
              (template, item) ->
                  compiled.put(
                      Pattern.compile(
                          Arrays.stream(template.split("/", -1))
                              .map(s -> s.startsWith("{") ? "[^/;]+" : Pattern.quote(s))
                              .collect(Collectors.joining("/"))),
                      item.readOperationsMap().keySet().stream()
                          .map(Enum::name)
                          .collect(Collectors.toSet())));
      paths = compiled;
    }
    return paths.entrySet().stream()
        .anyMatch(p -> p.getKey().matcher(rawPath).matches() && p.getValue().contains(method));
  }
}
