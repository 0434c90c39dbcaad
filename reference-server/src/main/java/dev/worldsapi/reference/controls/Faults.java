package dev.worldsapi.reference.controls;

import dev.worldsapi.server.Pipeline;
import dev.worldsapi.server.errors.ErrorResponses;
import dev.worldsapi.server.errors.ErrorTypes;
import dev.worldsapi.server.errors.UnexpectedExceptionMapper;
import dev.worldsapi.server.errors.WorldsApiException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Faults armed for the next requests to the API's operations: the reference server itself never
 * rate-limits, fails, stalls or sits behind a gateway, so clients are tested against those here.
 * Each armed fault answers the next {@code times} authenticated requests it matches (one operation
 * or all), in the order armed; then the server answers normally again. Thread-safe.
 */
@Priority(Pipeline.AUTHORIZATION)
public final class Faults implements ContainerRequestFilter {

  /**
   * The response header that tells the server host to close the connection instead of answering;
   * never sent. Only hosts that {@link #Faults(boolean) drop connections} honour it.
   */
  public static final String DROP_HEADER = "X-Worlds-Drop-Connection";

  /**
   * The request property set on a delayed request that {@link #clear()} released early: it is
   * closed unanswered (or answered 504 where the host cannot drop it), and not remembered.
   */
  public static final String RELEASED = "dev.worldsapi.reference.faultReleased";

  private final boolean dropsConnections;
  private final List<Armed> armed = new ArrayList<>();
  private final Object delays = new Object();
  private long generation;

  @Context private ResourceInfo resourceInfo;

  /**
   * @param dropsConnections whether the server host closes a connection when a response carries
   *     {@link #DROP_HEADER}; without it, {@link Fault#dropConnection()} cannot be armed
   */
  public Faults(boolean dropsConnections) {
    this.dropsConnections = dropsConnections;
  }

  /** The next {@code times} requests to any operation meet {@code fault}. */
  public void arm(Fault fault, int times) {
    arm(fault, times, null);
  }

  /**
   * The next {@code times} requests to {@code operation} meet {@code fault}; a {@code null}
   * operation means any.
   *
   * @throws IllegalArgumentException when times is not positive
   * @throws IllegalStateException for a dropped connection on a host that cannot drop one
   */
  public void arm(Fault fault, int times, Operation operation) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be 1 or more, got " + times);
    }
    if (fault.kind() == Fault.Kind.DROP_CONNECTION && !dropsConnections) {
      throw new IllegalStateException("this server host cannot drop connections");
    }
    synchronized (armed) {
      armed.add(new Armed(fault, operation, times));
    }
  }

  /** How many requests armed faults still await. */
  public int pending() {
    synchronized (armed) {
      return armed.stream().mapToInt(a -> a.remaining).sum();
    }
  }

  /**
   * Disarms every fault and ends the waits of requests being delayed now: they are closed
   * unanswered, so that nothing a finished test armed acts on what follows.
   */
  public void clear() {
    synchronized (armed) {
      armed.clear();
    }
    synchronized (delays) {
      generation++;
      delays.notifyAll();
    }
  }

  @Override
  public void filter(ContainerRequestContext request) {
    Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
    Optional<Operation> operation =
        method == null ? Optional.empty() : Operation.implementedBy(method);
    if (operation.isEmpty()) {
      return;
    }
    Fault fault = take(operation.get());
    if (fault == null) {
      return;
    }
    switch (fault.kind()) {
      case RATE_LIMITED -> throw WorldsApiException.rateLimited("Rate limited", fault.duration());
      case INTERNAL_ERROR -> {
        String id = UUID.randomUUID().toString();
        request.abortWith(
            ErrorResponses.envelope(
                500,
                ErrorTypes.of(500),
                "Internal server error (request id " + id + ")",
                List.of(),
                Map.of(UnexpectedExceptionMapper.REQUEST_ID_HEADER, id)));
      }
      case BAD_GATEWAY ->
          throw new WorldsApiException(502, ErrorTypes.of(502), "Bad gateway", List.of(), Map.of());
      case GATEWAY_TIMEOUT ->
          throw new WorldsApiException(
              504, ErrorTypes.of(504), "Gateway timeout", List.of(), Map.of());
      case DELAY -> {
        if (!await(fault.duration())) {
          // Released by clear(): the test that armed the delay is over (or reset the server), so
          // the request must not act on what comes next, nor be counted there.
          request.setProperty(RELEASED, Boolean.TRUE);
          request.abortWith(
              dropsConnections
                  ? Response.status(500).header(DROP_HEADER, "true").build()
                  : ErrorResponses.envelope(504, ErrorTypes.of(504), "Gateway timeout"));
        }
      }
      case DROP_CONNECTION ->
          request.abortWith(Response.status(500).header(DROP_HEADER, "true").build());
    }
  }

  private Fault take(Operation operation) {
    synchronized (armed) {
      for (Iterator<Armed> it = armed.iterator(); it.hasNext(); ) {
        Armed next = it.next();
        if (next.operation == null || next.operation == operation) {
          if (--next.remaining == 0) {
            it.remove();
          }
          return next.fault;
        }
      }
      return null;
    }
  }

  /** Waits out the delay; false when {@link #clear()} (or an interrupt) ended it early. */
  private boolean await(Duration delay) {
    long deadline = System.nanoTime() + delay.toNanos();
    synchronized (delays) {
      long started = generation;
      long left;
      while ((left = deadline - System.nanoTime()) > 0) {
        if (generation != started) {
          return false;
        }
        try {
          delays.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }
  }

  private static final class Armed {
    final Fault fault;
    final Operation operation;
    int remaining;

    Armed(Fault fault, Operation operation, int remaining) {
      this.fault = fault;
      this.operation = operation;
      this.remaining = remaining;
    }
  }
}
