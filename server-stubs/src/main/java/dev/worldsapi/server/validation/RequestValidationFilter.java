package dev.worldsapi.server.validation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.worldsapi.server.Pipeline;
import dev.worldsapi.server.errors.ErrorResponses;
import dev.worldsapi.server.errors.ErrorTypes;
import dev.worldsapi.server.errors.JsonDecodeErrors;
import dev.worldsapi.server.errors.WorldsApiException;
import dev.worldsapi.server.http.UnreadBodyFilter;
import dev.worldsapi.server.json.JsonLimits;
import dev.worldsapi.server.json.ValidatedBodies;
import dev.worldsapi.server.model.ValidationError;
import dev.worldsapi.server.spec.SpecDocument;
import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks every request to an operation of the spec against what the spec says of it, before the
 * implementation sees it, and answers 422 listing every problem found, parameters and body
 * together: path parameters, then query parameters in declared order, then the body's fields in the
 * order of its schema. A path that only resembles the operation's (a trailing slash, a matrix
 * parameter) is 404. The rules are read from the packaged spec, so a bound added there is enforced
 * here without a line of code; a rule this runtime cannot enforce fails the application's start.
 *
 * <p>Resources that implement no operation of the spec pass through untouched.
 */
@Priority(Pipeline.SPEC_CHECK)
public final class RequestValidationFilter implements ContainerRequestFilter {

  private final ObjectMapper json;
  private final long maxBodyBytes;
  private final Map<String, SpecOperation> operations;
  private final Map<Method, Optional<SpecOperation>> byMethod = new ConcurrentHashMap<>();
  private final SchemaValidator validator;

  @Context private ResourceInfo resourceInfo;

  public RequestValidationFilter() {
    this(JsonLimits.DEFAULT_MAX_BODY_BYTES);
  }

  /**
   * @param maxBodyBytes the largest request body read; a larger one is answered 413 unread past the
   *     limit
   */
  public RequestValidationFilter(long maxBodyBytes) {
    this(SpecDocument.packaged(), maxBodyBytes);
  }

  RequestValidationFilter(SpecDocument spec) {
    this(spec, JsonLimits.DEFAULT_MAX_BODY_BYTES);
  }

  RequestValidationFilter(SpecDocument spec, long maxBodyBytes) {
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes must be 1 or more, got " + maxBodyBytes);
    }
    this.maxBodyBytes = maxBodyBytes;
    this.json =
        JsonMapper.builder(
                JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .streamReadConstraints(JsonLimits.constraints(maxBodyBytes))
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    this.validator = new SchemaValidator(spec);
    this.operations = SpecOperation.all(spec, validator);
  }

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
    if (method == null) {
      return;
    }
    Optional<SpecOperation> operation =
        byMethod.computeIfAbsent(method, m -> find(resourceInfo.getResourceClass(), m));
    if (operation.isEmpty()) {
      return;
    }
    UriInfo uri = request.getUriInfo();
    if (!matchesExactly(uri, operation.get().template())) {
      request.abortWith(ErrorResponses.envelope(404, ErrorTypes.of(404), "Not found"));
      return;
    }
    List<ValidationError> errors = new ArrayList<>();
    parameters(operation.get(), request, errors);
    byte[] body;
    try {
      body = operation.get().body() == null ? new byte[0] : body(operation.get(), request, errors);
    } catch (BodyTooLarge tooLarge) {
      // The rest of the body is never read, so the connection cannot carry another request.
      request.abortWith(
          ErrorResponses.envelope(
              413, ErrorTypes.of(413), tooLarge.getMessage(), List.of(), CLOSE));
      return;
    } catch (IOException failed) {
      // The client is gone or stopped sending: not the server's failure. A timeout is answered
      // 408; a body cut short 400, which may reach no one, but is no error for the logs.
      request.abortWith(
          timedOut(failed)
              ? ErrorResponses.envelope(
                  408,
                  ErrorTypes.of(408),
                  "Request body not received in time: the server stopped waiting for it",
                  List.of(),
                  CLOSE)
              : ErrorResponses.envelope(
                  400,
                  ErrorTypes.of(400),
                  "Request body incomplete: the connection ended before all of it arrived",
                  List.of(),
                  CLOSE));
      return;
    }
    if (!errors.isEmpty()) {
      request.abortWith(ErrorResponses.of(WorldsApiException.validation(errors)));
      return;
    }
    request.setProperty(
        MatchedOperation.PROPERTY,
        new MatchedOperation(
            operation.get().operationId(),
            operation.get().parameters().stream()
                .filter(p -> p.in().equals("header"))
                .map(SpecOperation.Parameter::name)
                .collect(java.util.stream.Collectors.toUnmodifiableSet()),
            body));
  }

  private void parameters(
      SpecOperation operation, ContainerRequestContext request, List<ValidationError> errors) {
    MultivaluedMap<String, String> path = request.getUriInfo().getPathParameters(true);
    MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters(true);
    for (SpecOperation.Parameter parameter : operation.parameters()) {
      List<Object> loc = List.of(parameter.in(), parameter.name());
      List<String> values =
          switch (parameter.in()) {
            case "path" -> path.get(parameter.name());
            case "query" -> query.get(parameter.name());
            default -> request.getHeaders().get(parameter.name());
          };
      if (values == null || values.isEmpty()) {
        if (parameter.required()) {
          errors.add(SchemaValidator.error(loc, "Field required", "missing"));
        }
      } else if (values.size() > 1) {
        errors.add(
            SchemaValidator.error(
                loc,
                "Input should be a single value, the parameter was given "
                    + values.size()
                    + " times",
                "value_error"));
      } else {
        ParameterValues.read(values.get(0), parameter.schema(), loc, errors)
            .ifPresent(value -> validator.validate(value, parameter.schema(), loc, errors));
      }
    }
  }

  /** Checks the body and returns its bytes, which the implementation then reads again. */
  private byte[] body(
      SpecOperation operation, ContainerRequestContext request, List<ValidationError> errors)
      throws IOException {
    refuseADeclaredLengthOverTheLimit(request);
    byte[] bytes = request.hasEntity() ? readAtMostTheLimit(request) : new byte[0];
    request.setProperty(UnreadBodyFilter.BODY_READ, Boolean.TRUE);
    // The implementation reads the body after this filter: hand it the same bytes again.
    request.setEntityStream(new ByteArrayInputStream(bytes));
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException notUtf8) {
      errors.add(JsonDecodeErrors.notUtf8());
      return bytes;
    }
    if (text.isBlank()) {
      if (operation.bodyRequired()) {
        errors.add(SchemaValidator.error(List.of("body"), "Field required", "missing"));
      }
      return bytes;
    }
    JsonNode value;
    try (JsonParser parser = json.createParser(text)) {
      value = json.readTree(parser);
      if (parser.nextToken() != null) {
        errors.add(JsonDecodeErrors.trailingContent(parser.currentTokenLocation().getCharOffset()));
        return bytes;
      }
    } catch (JsonProcessingException malformed) {
      errors.add(JsonDecodeErrors.of(malformed, text));
      return bytes;
    }
    validator.validate(value, operation.body(), List.of("body"), errors);
    // Bound from this tree, not parsed again (ValidatedBodies).
    request.setProperty(ValidatedBodies.TREE, value);
    return bytes;
  }

  /**
   * The body, read no further than one byte past the limit: a declared length over it is refused
   * before anything is read, and a body without one (chunked) when it gets there.
   */
  private byte[] readAtMostTheLimit(ContainerRequestContext request) throws IOException {
    byte[] bytes =
        request.getEntityStream().readNBytes((int) Math.min(maxBodyBytes + 1, Integer.MAX_VALUE));
    if (bytes.length > maxBodyBytes) {
      throw new BodyTooLarge(
          "Request body too large: over the limit of " + maxBodyBytes + " bytes");
    }
    return bytes;
  }

  /**
   * Before anything looks at the body: a runtime's {@code hasEntity()} may wait for its first byte,
   * which a client that declared a length over the limit may never send.
   */
  private void refuseADeclaredLengthOverTheLimit(ContainerRequestContext request)
      throws BodyTooLarge {
    String declared = request.getHeaderString("Content-Length");
    long length;
    try {
      length = declared == null ? -1 : Long.parseLong(declared.strip());
    } catch (NumberFormatException notANumber) {
      return; // the HTTP engine refuses such a request before it gets here
    }
    if (length > maxBodyBytes) {
      throw new BodyTooLarge(
          "Request body too large: Content-Length "
              + length
              + " is over the limit of "
              + maxBodyBytes
              + " bytes");
    }
  }

  private static final Map<String, String> CLOSE = Map.of("Connection", "close");

  /**
   * Whether a read failed because the HTTP engine stopped waiting for the body (its read or request
   * timeout), not because the client went away: a timeout is still answered, 408.
   */
  private static boolean timedOut(IOException failed) {
    for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.util.concurrent.TimeoutException
          || cause instanceof java.io.InterruptedIOException) {
        return true;
      }
    }
    return false;
  }

  /** A body over the limit: answered 413, with what the limit is. */
  private static final class BodyTooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    BodyTooLarge(String message) {
      super(message);
    }
  }

  /**
   * Whether the request's path is the template's, segment for segment, with no empty or
   * matrix-parameter segment: JAX-RS matching forgives a trailing slash and drops matrix
   * parameters, the spec does neither.
   */
  static boolean matchesExactly(UriInfo uri, String template) {
    String base = uri.getBaseUri().getRawPath();
    String raw = uri.getRequestUri().getRawPath();
    String relative = raw.startsWith(base) ? raw.substring(base.length()) : raw;
    String[] actual = (relative.startsWith("/") ? relative : "/" + relative).split("/", -1);
    String[] expected = template.split("/", -1);
    if (actual.length != expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      boolean parameter = expected[i].startsWith("{") && expected[i].endsWith("}");
      if (parameter
          ? actual[i].isEmpty() || actual[i].contains(";")
          : !actual[i].equals(expected[i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * The operation a resource method implements, from the JAX-RS annotations where they are
   * declared: on the generated interface, not on the implementing class.
   */
  /** The spec's operation that {@code method} of {@code resourceClass} serves, if any. */
  Optional<SpecOperation> operationOf(Class<?> resourceClass, Method method) {
    return byMethod.computeIfAbsent(method, m -> find(resourceClass, m));
  }

  private Optional<SpecOperation> find(Class<?> resourceClass, Method method) {
    Deque<Class<?>> types = new ArrayDeque<>();
    types.add(resourceClass == null ? method.getDeclaringClass() : resourceClass);
    while (!types.isEmpty()) {
      Class<?> type = types.poll();
      try {
        Method declared = type.getDeclaredMethod(method.getName(), method.getParameterTypes());
        String httpMethod = httpMethod(declared);
        if (httpMethod != null) {
          Path classPath = type.getAnnotation(Path.class);
          Path methodPath = declared.getAnnotation(Path.class);
          String template =
              join(
                  classPath == null ? "" : classPath.value(),
                  methodPath == null ? "" : methodPath.value());
          return Optional.ofNullable(operations.get(SpecOperation.key(httpMethod, template)));
        }
      } catch (NoSuchMethodException notDeclaredHere) {
        // Look further up.
      }
      types.addAll(Arrays.asList(type.getInterfaces()));
      if (type.getSuperclass() != null) {
        types.add(type.getSuperclass());
      }
    }
    return Optional.empty();
  }

  private static String httpMethod(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (http != null) {
        return http.value();
      }
    }
    return null;
  }

  private static String join(String classPath, String methodPath) {
    String joined = "/" + classPath + "/" + methodPath;
    joined = joined.replaceAll("/+", "/");
    return joined.length() > 1 && joined.endsWith("/")
        ? joined.substring(0, joined.length() - 1)
        : joined;
  }
}
