package dev.worldsapi.codegen;

import java.io.File;
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

  /** Every written file gets the one short header (see {@link GeneratedHeader}). */
  @Override
  public void processOpts() {
    super.processOpts();
    setEnablePostProcessFile(true);
  }

  @Override
  public void postProcessFile(File file, String fileType) {
    GeneratedHeader.apply(file, getName(), openAPI);
  }
}
