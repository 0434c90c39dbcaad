package dev.worldsapi.codegen;

import java.io.File;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenParameter;
import org.openapitools.codegen.CodegenProperty;
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

  /**
   * A uuid's length is its type's: the spec bounds every string ({@code maxLength: 36} on a uuid
   * too, as the OWASP ruleset asks), but a {@code @Size} on a {@code UUID} has no validator, and a
   * Bean Validation provider would fail every request with one.
   */
  @Override
  public void postProcessModelProperty(CodegenModel model, CodegenProperty property) {
    super.postProcessModelProperty(model, property);
    if (property.isUuid) {
      property.minLength = null;
      property.maxLength = null;
    }
  }

  /** As {@link #postProcessModelProperty}, for a parameter. */
  @Override
  public void postProcessParameter(CodegenParameter parameter) {
    super.postProcessParameter(parameter);
    if (parameter.isUuid) {
      parameter.minLength = null;
      parameter.maxLength = null;
    }
  }

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
