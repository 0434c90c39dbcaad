package dev.worldsapi.server.observability.otel;

import dev.worldsapi.server.Pipeline;
import dev.worldsapi.server.observability.ServerTracing;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.Optional;

/**
 * Each request's server span, after the HTTP semantic conventions: the container's own when one is
 * current (the Java agent makes one), else one made here from the incoming trace context ({@code
 * traceparent}). Once the response is known the span is named after the spec's operation ({@code
 * get_world_job}) and carries {@code worlds.operation}, {@code http.route} (the path template,
 * never the raw path), {@code http.response.status_code}, and for a 5xx the error status and the
 * 500's correlation id ({@code worlds.request_id}). Loaded only with the OpenTelemetry API.
 */
@PreMatching
@Priority(Pipeline.SERVER_SPANS)
public final class ServerSpans implements ContainerRequestFilter, ContainerResponseFilter {

  private static final String SPAN = "dev.worldsapi.server.span";
  private static final String OWN = "dev.worldsapi.server.ownSpan";

  static final AttributeKey<String> OPERATION = AttributeKey.stringKey("worlds.operation");
  static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
  static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
  static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("worlds.request_id");

  private static final TextMapGetter<ContainerRequestContext> HEADERS =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(ContainerRequestContext request) {
          return request.getHeaders().keySet();
        }

        @Override
        public String get(ContainerRequestContext request, String key) {
          return request == null ? null : request.getHeaderString(key);
        }
      };

  private final Tracer tracer;
  private final TextMapPropagator propagator;

  private ServerSpans(OpenTelemetry otel) {
    this.tracer = otel.getTracer("dev.worldsapi.server");
    this.propagator = otel.getPropagators().getTextMapPropagator();
  }

  /** Over {@code otel}, or the global OpenTelemetry when null. */
  public static ServerSpans over(Object otel) {
    return new ServerSpans(otel == null ? GlobalOpenTelemetry.get() : (OpenTelemetry) otel);
  }

  /** The trace id of the span current on this thread, if it is a real one. */
  public static Optional<String> currentTraceId() {
    var context = Span.current().getSpanContext();
    return context.isValid() ? Optional.of(context.getTraceId()) : Optional.empty();
  }

  @Override
  public void filter(ContainerRequestContext request) {
    Span current = Span.current();
    if (current.getSpanContext().isValid()) {
      request.setProperty(SPAN, current);
      return;
    }
    Context parent = propagator.extract(Context.root(), request, HEADERS);
    Span span =
        tracer
            .spanBuilder(request.getMethod())
            .setParent(parent)
            .setSpanKind(SpanKind.SERVER)
            .setAttribute(METHOD, request.getMethod())
            .startSpan();
    request.setProperty(SPAN, span);
    request.setProperty(OWN, Boolean.TRUE);
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!(request.getProperty(SPAN) instanceof Span span)) {
      return;
    }
    if (request.getProperty(ServerTracing.OPERATION_ID) instanceof String operation) {
      span.updateName(operation);
      span.setAttribute(OPERATION, operation);
    }
    if (request.getProperty(ServerTracing.ROUTE) instanceof String route) {
      span.setAttribute(ROUTE, route);
    }
    int status = response.getStatus();
    span.setAttribute(STATUS, (long) status);
    if (status >= 500) {
      // On a server span only a 5xx is the server's error; a 4xx is the client's.
      span.setStatus(StatusCode.ERROR);
      span.setAttribute(ERROR_TYPE, String.valueOf(status));
      Object id = response.getHeaders().getFirst("X-Request-Id");
      if (id != null) {
        span.setAttribute(REQUEST_ID, id.toString());
      }
    }
    if (Boolean.TRUE.equals(request.getProperty(OWN))) {
      span.end();
    }
  }
}
