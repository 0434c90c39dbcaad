package dev.worldsapi.codegen;

import org.openapitools.codegen.languages.JavaJAXRSSpecServerCodegen;

/**
 * OpenAPI Generator's {@code jaxrs-spec} generator as it is, but for the banner it prints on
 * standard output after every generation (see {@link QuietJavaClientCodegen}). Used as {@code
 * worlds-jaxrs-spec}.
 */
public class QuietJaxrsSpecCodegen extends JavaJAXRSSpecServerCodegen {

  @Override
  public String getName() {
    return "worlds-jaxrs-spec";
  }

  @Override
  public void postProcess() {}
}
