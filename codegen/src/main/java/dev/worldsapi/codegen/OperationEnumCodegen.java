package dev.worldsapi.codegen;

import java.io.File;
import org.openapitools.codegen.SupportingFile;

/**
 * The spec's operations as one Java enum ({@code Operation}, in the configured api package), each
 * with its operationId, method, path template and the name of the method the generated JAX-RS
 * interface gives it. For code that must name every operation, so that none is listed by hand.
 */
public class OperationEnumCodegen extends WorldsCodegen {

  @Override
  public String getName() {
    return "worlds-operation-enum";
  }

  @Override
  public String getHelp() {
    return "An enum of the spec's operations.";
  }

  @Override
  public void processOpts() {
    super.processOpts();
    String folder = (sourceFolder + File.separator + apiPackage).replace(".", File.separator);
    supportingFiles.add(new SupportingFile("operationEnum.mustache", folder, "Operation.java"));
  }
}
