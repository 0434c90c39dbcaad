package dev.worldsapi.codegen;

import io.swagger.v3.oas.models.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openapitools.codegen.CodegenOperation;

/**
 * One params type per operation that has query parameters ({@code ListWorldJobsParams} for {@code
 * list_world_jobs}): immutable, made by a builder whose setters refuse what the spec's bounds,
 * enums and required flags refuse.
 */
public class ClientParamsCodegen extends WorldsCodegen {

  public ClientParamsCodegen() {
    apiTemplateFiles.put("params.mustache", ".java");
  }

  @Override
  public String getName() {
    return "worlds-client-params";
  }

  @Override
  public String getHelp() {
    return "The worlds-api client's params types, one per operation with query parameters.";
  }

  /** One group per operation with query parameters, named after its params type. */
  @Override
  public void addOperationToGroup(
      String tag,
      String resourcePath,
      Operation operation,
      CodegenOperation co,
      Map<String, List<CodegenOperation>> operations) {
    if (!co.getHasQueryParams()) {
      return;
    }
    String name = paramsClassName(co);
    List<CodegenOperation> group = operations.computeIfAbsent(name, n -> new ArrayList<>());
    if (group.isEmpty()) {
      group.add(co);
    }
    co.baseName = name;
  }

  @Override
  public String toApiName(String name) {
    return name;
  }
}
