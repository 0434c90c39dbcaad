package dev.worldsapi.server.validation;

import dev.worldsapi.server.Pipeline;
import dev.worldsapi.server.observability.ServerTracing;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import java.lang.reflect.Method;

/**
 * Puts the spec's operationId and path template of the matched resource method on the request
 * ({@link ServerTracing#OPERATION_ID}, {@link ServerTracing#ROUTE}) before the filters after
 * matching can refuse it, so that a request answered by a test fault or a later check is named
 * after its operation too. Authentication runs before matching: a 401's span keeps the method's
 * name.
 */
@Priority(Pipeline.OPERATION_NAMES)
public final class OperationNames implements ContainerRequestFilter {

  private final RequestValidationFilter operations;

  @Context private ResourceInfo resourceInfo;

  /** Looks operations up where {@code operations} does, sharing its cache. */
  public OperationNames(RequestValidationFilter operations) {
    this.operations = operations;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
    if (method == null) {
      return;
    }
    operations
        .operationOf(resourceInfo.getResourceClass(), method)
        .ifPresent(
            operation -> {
              request.setProperty(ServerTracing.OPERATION_ID, operation.operationId());
              request.setProperty(ServerTracing.ROUTE, operation.template());
            });
  }
}
