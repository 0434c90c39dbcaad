package dev.worldsapi.codegen;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.CodegenParameter;
import org.openapitools.codegen.CodegenProperty;
import org.openapitools.codegen.CodegenResponse;
import org.openapitools.codegen.CodegenType;
import org.openapitools.codegen.SpecValidationException;
import org.openapitools.codegen.languages.AbstractJavaCodegen;
import org.openapitools.codegen.model.ModelMap;
import org.openapitools.codegen.model.OperationMap;
import org.openapitools.codegen.model.OperationsMap;
import org.openapitools.codegen.utils.ModelUtils;
import org.openapitools.codegen.utils.StringUtils;

/**
 * What the three generators of this module share: Java types as the Java generators name them, and
 * each operation's client facts read from the spec's {@code x-worlds-*} extensions and put where
 * the templates find them. The templates assemble every line of Java; this class only decides data.
 *
 * <p>The extensions, on an operation:
 *
 * <ul>
 *   <li>{@code x-worlds-resource}: the client resource it belongs to ({@code jobs}); required;
 *   <li>{@code x-worlds-method}: its method name there ({@code list}); required;
 *   <li>{@code x-worlds-pagination}: {@code {page, page-size, items, total, id}}, the names of its
 *       page and page-size query parameters and of the response's items, total and item id fields;
 *       the operation then answers pages and gets auto-pagers;
 *   <li>{@code x-worlds-waiter: true}: the operation reads one job, and the resource gets the job
 *       waiter over it.
 * </ul>
 *
 * <p>On a path parameter, {@code x-worlds-scope: true}: the parameter is set once per workspace
 * view ({@code org}, {@code workspace}) rather than per call.
 */
public abstract class WorldsCodegen extends AbstractJavaCodegen {

  static final String RESOURCE = "x-worlds-resource";
  static final String METHOD = "x-worlds-method";
  static final String PAGINATION = "x-worlds-pagination";
  static final String SCOPE = "x-worlds-scope";

  /**
   * The spec's error vocabulary for the client: for each status an operation declares with a shared
   * error response, that response's {@code x-worlds-exception}, and whether it carries {@code
   * Retry-After}. Read from the spec in {@link #preprocessOpenAPI}.
   */
  private final Map<String, Map<String, Object>> statusExceptions = new java.util.TreeMap<>();

  protected WorldsCodegen() {
    modelTemplateFiles.clear();
    apiTemplateFiles.clear();
    apiTestTemplateFiles.clear();
    modelDocTemplateFiles.clear();
    apiDocTemplateFiles.clear();
    embeddedTemplateDir = templateDir = "worlds";
    hideGenerationTimestamp = true;
  }

  @Override
  public void preprocessOpenAPI(OpenAPI openAPI) {
    super.preprocessOpenAPI(openAPI);
    openAPI
        .getPaths()
        .values()
        .forEach(
            item ->
                item.readOperations()
                    .forEach(
                        operation ->
                            operation
                                .getResponses()
                                .forEach(
                                    (status, declared) -> {
                                      ApiResponse response =
                                          ModelUtils.getReferencedApiResponse(openAPI, declared);
                                      Object exception =
                                          response.getExtensions() == null
                                              ? null
                                              : response.getExtensions().get("x-worlds-exception");
                                      if (exception instanceof String name) {
                                        Map<String, Object> entry = new LinkedHashMap<>();
                                        entry.put("status", status);
                                        entry.put("exception", name);
                                        entry.put(
                                            "retryAfter",
                                            response.getHeaders() != null
                                                && response
                                                    .getHeaders()
                                                    .containsKey("Retry-After"));
                                        statusExceptions.put(status, entry);
                                      }
                                    })));
    additionalProperties.put("x-worlds-status-exceptions", List.copyOf(statusExceptions.values()));
  }

  /** Generation ends without the generator's donation banner on standard output (see Quiet). */
  @Override
  public void postProcess() {}

  @Override
  public CodegenType getTag() {
    return CodegenType.OTHER;
  }

  @Override
  public void processOpts() {
    super.processOpts();
    // Nothing but the templates of the subclass: no build files, docs or package-info.
    supportingFiles.clear();
    setEnablePostProcessFile(true);
  }

  /** Every written file gets the one short header (see {@link GeneratedHeader}). */
  @Override
  public void postProcessFile(File file, String fileType) {
    GeneratedHeader.apply(file, getName(), openAPI);
  }

  /**
   * No example values: these templates render none, and the Java generators' version warns about
   * every object example of a request body, which the spec has on purpose (for its readers).
   */
  @Override
  public void setParameterExampleValue(CodegenParameter codegenParameter, RequestBody requestBody) {
    setParameterExampleValue(codegenParameter);
  }

  /** The name of the Feign interface OpenAPI Generator's Java client makes for a tag. */
  static String feignApiName(String tag) {
    return StringUtils.camelize(tag.replaceAll("[^A-Za-z0-9]+", "_")) + "Api";
  }

  /** The spec's extension, or a build failure that says what to add. */
  static String required(CodegenOperation op, String extension, String what) {
    Object value = op.vendorExtensions.get(extension);
    if (!(value instanceof String text) || text.isBlank()) {
      throw new SpecValidationException(
          "operation "
              + op.operationIdOriginal
              + " has no "
              + extension
              + ": add it to the operation in openapi.yaml to say "
              + what);
    }
    return text;
  }

  @Override
  public OperationsMap postProcessOperationsWithModels(
      OperationsMap objs, List<ModelMap> allModels) {
    OperationsMap processed = super.postProcessOperationsWithModels(objs, allModels);
    OperationMap operations = processed.getOperations();
    for (CodegenOperation op : operations.getOperation()) {
      describe(op, allModels);
    }
    return processed;
  }

  /** Puts the client facts of one operation into its vendor extensions. */
  private void describe(CodegenOperation op, List<ModelMap> allModels) {
    // Set by the default grouping, which the client generators replace.
    op.operationIdSnakeCase = StringUtils.underscore(op.operationId);
    op.operationIdCamelCase = StringUtils.camelize(op.operationId);
    Map<String, Object> ext = op.vendorExtensions;
    ext.put("x-worlds-params-class", paramsClassName(op));
    ext.put("x-worlds-feign-api", feignApiName(op.tags.get(0).getName()));

    List<Map<String, Object>> arguments = new ArrayList<>();
    for (CodegenParameter p : op.allParams) {
      boolean scope = Boolean.TRUE.equals(p.vendorExtensions.get(SCOPE));
      boolean idempotencyKey = p.isHeaderParam && "Idempotency-Key".equalsIgnoreCase(p.baseName);
      p.vendorExtensions.put("x-worlds-idempotency-key", idempotencyKey);
      if (scope || idempotencyKey || p.isQueryParam) {
        continue;
      }
      String javaName = p.isBodyParam ? "request" : p.paramName;
      Map<String, Object> checks = checks(op, p, javaName);
      Map<String, Object> argument = new LinkedHashMap<>();
      argument.put("name", javaName);
      argument.put("type", p.dataType);
      argument.put("description", p.description == null ? "" : p.description);
      argument.put("isParams", false);
      argument.put("checks", checks);
      arguments.add(argument);
    }
    // The arguments a call without query parameters takes (the convenience overloads).
    ext.put("x-worlds-arguments-but-params", new ArrayList<>(arguments));
    if (op.getHasQueryParams()) {
      Map<String, Object> argument = new LinkedHashMap<>();
      argument.put("name", "params");
      argument.put("type", paramsClassName(op));
      argument.put("description", "the query parameters");
      argument.put("isParams", true);
      argument.put("checks", Map.of());
      arguments.add(argument);
    }
    ext.put("x-worlds-arguments", arguments);
    // Query parameters' checks and types by simple name (so that an annotation can stand before
    // them), on op.queryParams: the params template reads them there, from copies of allParams'.
    List<String> typeImports = new ArrayList<>();
    for (CodegenParameter p : op.queryParams) {
      p.vendorExtensions.put("x-worlds-checks", checks(op, p, p.paramName));
      int dot = p.dataType.lastIndexOf('.');
      p.vendorExtensions.put("x-worlds-type", dot < 0 ? p.dataType : p.dataType.substring(dot + 1));
      if (dot >= 0 && !typeImports.contains(p.dataType)) {
        typeImports.add(p.dataType);
      }
    }
    ext.put("x-worlds-type-imports", typeImports);
    ext.put(
        "x-worlds-idempotent-create",
        op.allParams.stream()
            .anyMatch(p -> (Boolean) p.vendorExtensions.get("x-worlds-idempotency-key")));
    ext.put(
        "x-worlds-params-optional",
        op.getHasQueryParams() && op.queryParams.stream().noneMatch(p -> p.required));
    ext.put("x-worlds-throws", throwsList(op));

    Object pagination = ext.get(PAGINATION);
    if (pagination instanceof Map<?, ?> fields) {
      ext.put("x-worlds-paged", pagedFacts(op, fields, allModels));
    }
  }

  private List<Map<String, String>> throwsList(CodegenOperation op) {
    List<Map<String, String>> list = new ArrayList<>();
    for (CodegenResponse response : op.responses) {
      if (response.is2xx) {
        continue;
      }
      String code = response.code;
      Map<String, String> entry = new LinkedHashMap<>();
      entry.put("code", code);
      Map<String, Object> known = statusExceptions.get(code);
      entry.put(
          "exception",
          known == null ? "UnexpectedStatusException" : (String) known.get("exception"));
      entry.put("message", response.message == null ? "" : response.message.strip());
      list.add(entry);
    }
    return list;
  }

  /** The page, page-size, items and total names of a paged operation, as its templates need. */
  private Map<String, Object> pagedFacts(
      CodegenOperation op, Map<?, ?> fields, List<ModelMap> allModels) {
    String pageName = text(op, fields, "page");
    String sizeName = text(op, fields, "page-size");
    CodegenParameter page = queryParam(op, pageName);
    CodegenParameter size = queryParam(op, sizeName);
    CodegenModel list = model(op, allModels, op.returnBaseType);
    CodegenProperty items = requiredProperty(op, list, text(op, fields, "items"));
    CodegenProperty total = requiredProperty(op, list, text(op, fields, "total"));
    CodegenProperty pageField = requiredProperty(op, list, pageName);
    CodegenProperty sizeField = requiredProperty(op, list, sizeName);
    String itemType = items.items == null ? items.complexType : items.items.dataType;
    CodegenModel item = model(op, allModels, itemType);
    CodegenProperty id = requiredProperty(op, item, text(op, fields, "id"));
    if (size.maximum == null) {
      throw new SpecValidationException(
          "operation "
              + op.operationIdOriginal
              + ": its page-size parameter "
              + sizeName
              + " needs a maximum, the page size of listAll");
    }
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("itemType", itemType);
    facts.put("pageParam", page.paramName);
    facts.put("sizeParam", size.paramName);
    facts.put("maxPageSize", size.maximum);
    facts.put("defaultPageSize", size.defaultValue == null ? size.maximum : size.defaultValue);
    facts.put("itemsAccessor", items.name);
    facts.put("totalAccessor", total.name);
    facts.put("pageAccessor", pageField.name);
    facts.put("sizeAccessor", sizeField.name);
    facts.put("idAccessor", id.name);
    return facts;
  }

  /**
   * A field a paged operation's client reads on every page: required and not nullable in the spec,
   * so that the models' accessor is a plain value.
   */
  private static CodegenProperty requiredProperty(
      CodegenOperation op, CodegenModel model, String name) {
    CodegenProperty property = property(op, model, name);
    if (!property.required || property.isNullable) {
      throw new SpecValidationException(
          "operation "
              + op.operationIdOriginal
              + ": "
              + PAGINATION
              + " names "
              + model.classname
              + "."
              + name
              + ", which must be required and not nullable: every page has it");
    }
    return property;
  }

  private static String text(CodegenOperation op, Map<?, ?> fields, String key) {
    Object value = fields.get(key);
    if (!(value instanceof String text)) {
      throw new SpecValidationException(
          "operation " + op.operationIdOriginal + ": " + PAGINATION + " needs '" + key + "'");
    }
    return text;
  }

  private static CodegenParameter queryParam(CodegenOperation op, String name) {
    return find(
        op.queryParams.stream().filter(p -> p.baseName.equals(name)),
        op,
        PAGINATION + " names query parameter " + name + ", which it does not have");
  }

  private static CodegenModel model(CodegenOperation op, List<ModelMap> allModels, String name) {
    return find(
        allModels.stream().map(ModelMap::getModel).filter(m -> m.classname.equals(name)),
        op,
        "no schema for " + name);
  }

  private static CodegenProperty property(CodegenOperation op, CodegenModel model, String name) {
    return find(
        model.vars.stream().filter(v -> v.baseName.equals(name)),
        op,
        model.classname + " has no field " + name + " named by " + PAGINATION);
  }

  /** The first of {@code found}, or a build failure naming the operation and what is missing. */
  private static <T> T find(Stream<T> found, CodegenOperation op, String missing) {
    return found
        .findFirst()
        .orElseThrow(
            () ->
                new SpecValidationException(
                    "operation " + op.operationIdOriginal + ": " + missing));
  }

  /** The checks a value of this parameter gets: flags and bounds the templates read. */
  private Map<String, Object> checks(CodegenOperation op, CodegenParameter p, String javaName) {
    Map<String, Object> checks = new LinkedHashMap<>();
    checks.put("javaName", javaName);
    checks.put("specName", p.isBodyParam ? "body" : p.baseName);
    checks.put("required", p.required);
    String suffix = p.isInteger || p.isLong ? "L" : "d";
    boolean range = p.minimum != null || p.maximum != null;
    checks.put("checkRange", range);
    checks.put("min", p.minimum == null ? "null" : p.minimum + suffix);
    checks.put("max", p.maximum == null ? "null" : p.maximum + suffix);
    checks.put(
        "rangeText",
        p.minimum != null && p.maximum != null
            ? "from " + p.minimum + " to " + p.maximum
            : p.minimum != null ? p.minimum + " or more" : p.maximum + " or less");
    // A string that is Java text: a uuid's or a date-time's length is its type's, not a check.
    boolean text = p.isString && "String".equals(p.dataType);
    boolean length = text && (p.minLength != null || p.maxLength != null);
    checks.put("checkLength", length);
    checks.put("minLength", p.minLength == null ? "null" : p.minLength.toString());
    checks.put("maxLength", p.maxLength == null ? "null" : p.maxLength.toString());
    boolean pattern = text && p.pattern != null;
    checks.put("checkPattern", pattern);
    checks.put("patternLiteral", pattern ? javaLiteral(p.pattern) : "");
    List<String> values = new ArrayList<>();
    for (Object value : enumValues(op, p)) {
      values.add(javaLiteral(String.valueOf(value)));
    }
    checks.put("checkEnum", !values.isEmpty());
    checks.put("enumValues", values);
    checks.put("checkAny", range || length || pattern || !values.isEmpty());
    return checks;
  }

  /** The text escaped for a Java string literal's quotes. */
  private static String javaLiteral(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  /** The values a parameter's enum allows, its own or its referenced schema's; no null. */
  private List<Object> enumValues(CodegenOperation op, CodegenParameter p) {
    List<Object> values = new ArrayList<>();
    Parameter parameter = findParameter(op, p);
    if (parameter != null && parameter.getSchema() != null) {
      Schema<?> schema = ModelUtils.getReferencedSchema(openAPI, parameter.getSchema());
      if (schema != null && schema.getEnum() != null) {
        for (Object value : schema.getEnum()) {
          if (value != null) {
            values.add(value);
          }
        }
      }
    }
    return values;
  }

  /** The spec's parameter behind a codegen parameter, on the operation's own path and method. */
  private Parameter findParameter(CodegenOperation op, CodegenParameter p) {
    if (openAPI == null || openAPI.getPaths() == null || !openAPI.getPaths().containsKey(op.path)) {
      return null;
    }
    var item = openAPI.getPaths().get(op.path);
    List<Parameter> all = new ArrayList<>();
    if (item.getParameters() != null) {
      all.addAll(item.getParameters());
    }
    Operation operation =
        item.readOperationsMap()
            .get(
                io.swagger.v3.oas.models.PathItem.HttpMethod.valueOf(
                    op.httpMethod.toUpperCase(Locale.ROOT)));
    if (operation != null && operation.getParameters() != null) {
      all.addAll(operation.getParameters());
    }
    String in = p.isQueryParam ? "query" : p.isPathParam ? "path" : p.isHeaderParam ? "header" : "";
    for (Parameter candidate : all) {
      Parameter resolved = ModelUtils.getReferencedParameter(openAPI, candidate);
      if (resolved != null
          && p.baseName.equals(resolved.getName())
          && in.equals(resolved.getIn())) {
        return resolved;
      }
    }
    return null;
  }

  /** {@code ListWorldJobsParams} for {@code list_world_jobs}. */
  static String paramsClassName(CodegenOperation op) {
    return StringUtils.camelize(op.operationIdOriginal.toLowerCase(Locale.ROOT)) + "Params";
  }
}
