package dev.worldsapi.reference.controls;

import dev.worldsapi.server.validation.MatchedOperation;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Remembers the requests the server received, with what it answered: the last {@value #LIMIT}, in
 * the order answered. Every request is seen, those refused before routing (401, 404) too.
 * Thread-safe.
 */
// Response filters run in descending priority order, so this one runs last and records the
// answer as the other filters left it.
@Priority(1)
public final class RequestJournal implements ContainerResponseFilter {

  /** How many requests are kept; older ones are forgotten. */
  public static final int LIMIT = 10_000;

  private final Deque<ReceivedRequest> received = new ArrayDeque<>();

  @Context private ResourceInfo resourceInfo;

  /** The requests received, oldest first. */
  public List<ReceivedRequest> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  /** Forgets every request received so far. */
  public void clear() {
    synchronized (received) {
      received.clear();
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(Faults.RELEASED) != null) {
      return;
    }
    Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
    Object matched = request.getProperty(MatchedOperation.PROPERTY);
    String path = request.getUriInfo().getRequestUri().getRawPath();
    String query = request.getUriInfo().getRequestUri().getRawQuery();
    ReceivedRequest record =
        new ReceivedRequest(
            request.getMethod(),
            path,
            query == null ? "" : query,
            request.getHeaders(),
            method == null ? Optional.empty() : Operation.implementedBy(method),
            response.getHeaders().containsKey(Faults.DROP_HEADER) ? 0 : response.getStatus(),
            matched instanceof MatchedOperation operation ? operation.body() : new byte[0]);
    synchronized (received) {
      received.addLast(record);
      if (received.size() > LIMIT) {
        received.removeFirst();
      }
    }
  }
}
