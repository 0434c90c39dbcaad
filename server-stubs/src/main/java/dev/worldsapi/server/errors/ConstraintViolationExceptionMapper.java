package dev.worldsapi.server.errors;

import dev.worldsapi.server.model.ValidationError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Bean Validation failures of a request: 422 with one {@code errors} item per violation, its {@code
 * loc} naming the parameter or body field by its wire name, the way the docs do: {@code ["query",
 * "page_size"]}, {@code ["path", "job_id"]}, {@code ["body", "num_hosts"]}, {@code ["body",
 * "domains", 0]}. Never the Java names ({@code listWorldJobs.arg3}).
 */
@Provider
public final class ConstraintViolationExceptionMapper
    implements ExceptionMapper<ConstraintViolationException> {

  @Context private ResourceInfo resourceInfo;

  @Override
  public Response toResponse(ConstraintViolationException exception) {
    Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
    List<ValidationError> errors = new ArrayList<>();
    for (ConstraintViolation<?> violation : exception.getConstraintViolations()) {
      ValidationMessages.Message message = ValidationMessages.of(violation);
      errors.add(new ValidationError(location(violation, method), message.msg(), message.type()));
    }
    errors.sort(Comparator.comparing(e -> e.getLoc().toString()));
    return ErrorResponses.envelope(422, ErrorTypes.of(422), "Validation error", errors, Map.of());
  }

  private static List<Object> location(ConstraintViolation<?> violation, Method method) {
    List<Object> loc = new ArrayList<>();
    // The type whose JSON names resolve the next property: the body's type, then the leaf bean's.
    Class<?> owner = violation.getLeafBean() == null ? null : violation.getLeafBean().getClass();
    for (Path.Node node : violation.getPropertyPath()) {
      switch (node.getKind()) {
        case PARAMETER -> {
          int index = node.as(Path.ParameterNode.class).getParameterIndex();
          loc.addAll(parameterLocation(method, index));
          if (method != null) {
            owner = method.getParameterTypes()[index];
          }
        }
        case PROPERTY -> {
          loc.add(JsonNames.of(owner, node.getName()));
          owner = violation.getLeafBean() == null ? null : violation.getLeafBean().getClass();
          addIndexOrKey(loc, node);
        }
        case CONTAINER_ELEMENT -> addIndexOrKey(loc, node);
        default -> {}
      }
    }
    return loc.isEmpty() ? List.of("body") : loc;
  }

  private static void addIndexOrKey(List<Object> loc, Path.Node node) {
    if (node.getIndex() != null) {
      loc.add(node.getIndex());
    } else if (node.getKey() != null) {
      loc.add(String.valueOf(node.getKey()));
    }
  }

  /**
   * {@code ["query", "page_size"]} for a {@code @QueryParam("page_size")}; {@code ["body"]} for the
   * entity.
   */
  private static List<Object> parameterLocation(Method method, int index) {
    if (method == null) {
      return List.of("body");
    }
    for (Annotation annotation : ResourceMethods.parameterAnnotations(method, index)) {
      if (annotation instanceof QueryParam query) {
        return List.of("query", query.value());
      }
      if (annotation instanceof PathParam path) {
        return List.of("path", path.value());
      }
      if (annotation instanceof HeaderParam header) {
        return List.of("header", header.value());
      }
      if (annotation instanceof CookieParam cookie) {
        return List.of("cookie", cookie.value());
      }
      if (annotation instanceof FormParam form) {
        return List.of("body", form.value());
      }
    }
    return List.of("body");
  }
}
