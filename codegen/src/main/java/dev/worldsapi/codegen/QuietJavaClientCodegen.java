package dev.worldsapi.codegen;

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
}
