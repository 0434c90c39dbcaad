package dev.worldsapi.codegen;

import io.swagger.v3.oas.models.Operation;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.SupportingFile;
import org.openapitools.codegen.utils.StringUtils;

/**
 * The client's public surface: for each resource the spec's {@code x-worlds-resource} names, a
 * resource class with its raw view and an async resource with its own raw view; and the classes
 * that list the resources (the workspace view, the async client, the client's shortcuts).
 */
public class ClientResourcesCodegen extends WorldsCodegen {

  public ClientResourcesCodegen() {
    apiTemplateFiles.put("resource.mustache", "Resource.java");
    apiTemplateFiles.put("asyncResource.mustache", "Resource.java");
  }

  @Override
  public String getName() {
    return "worlds-client-resources";
  }

  @Override
  public String getHelp() {
    return "The worlds-api client's resources, raw and async views, from x-worlds-resource.";
  }

  @Override
  public void processOpts() {
    super.processOpts();
    String folder = (sourceFolder + File.separator + apiPackage).replace(".", File.separator);
    supportingFiles.add(new SupportingFile("workspace.mustache", folder, "WorldsWorkspace.java"));
    supportingFiles.add(
        new SupportingFile("asyncClient.mustache", folder, "WorldsAsyncClient.java"));
    supportingFiles.add(
        new SupportingFile("shortcuts.mustache", folder, "DefaultWorkspaceResources.java"));
    String internal =
        (sourceFolder + File.separator + apiPackage + ".internal.http")
            .replace(".", File.separator);
    supportingFiles.add(
        new SupportingFile("statusExceptions.mustache", internal, "StatusExceptions.java"));
  }

  /** Groups by the spec's {@code x-worlds-resource} instead of by tag. */
  @Override
  public void addOperationToGroup(
      String tag,
      String resourcePath,
      Operation operation,
      CodegenOperation co,
      Map<String, List<CodegenOperation>> operations) {
    String resource = required(co, RESOURCE, "which client resource it belongs to");
    required(co, METHOD, "its method name on that resource");
    List<CodegenOperation> group = operations.computeIfAbsent(resource, r -> new ArrayList<>());
    if (group.stream().noneMatch(op -> op.operationIdOriginal.equals(co.operationIdOriginal))) {
      group.add(co);
    }
    co.baseName = resource;
  }

  /** {@code Jobs} for {@code jobs}: templates add {@code Resource} and {@code Async}. */
  @Override
  public String toApiName(String name) {
    return StringUtils.camelize(name);
  }

  @Override
  public String toApiVarName(String name) {
    return StringUtils.camelize(
        name, org.openapitools.codegen.utils.CamelizeOption.LOWERCASE_FIRST_LETTER);
  }

  @Override
  public String apiFilename(String templateName, String tag) {
    String name = super.apiFilename(templateName, tag);
    if (!templateName.startsWith("async")) {
      return name;
    }
    File file = new File(name);
    return new File(file.getParentFile(), "Async" + file.getName()).getPath();
  }
}
