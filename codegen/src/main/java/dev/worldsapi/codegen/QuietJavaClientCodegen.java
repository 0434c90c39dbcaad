package dev.worldsapi.codegen;

import java.io.File;
import org.openapitools.codegen.languages.JavaClientCodegen;

/**
 * OpenAPI Generator's {@code java} generator as it is, but for the banner it prints on standard
 * output after every generation (a request for donations, several lines, also under {@code -q}): a
 * build that prints only what someone acts on has no place for it. Used as {@code worlds-java}.
 */
public class QuietJavaClientCodegen extends JavaClientCodegen {

  @Override
  public String getName() {
    return "worlds-java";
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
