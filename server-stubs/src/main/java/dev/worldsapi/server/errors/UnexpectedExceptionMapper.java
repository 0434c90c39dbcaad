package dev.worldsapi.server.errors;

import dev.worldsapi.server.observability.ServerTracing;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Any exception nothing else mapped: 500 with a generic {@code detail} and no stack trace or class
 * name in the body. The exception is logged with a correlation id that the response also carries in
 * {@code X-Request-Id}, so a report can be matched to the log.
 */
@Provider
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  public static final String REQUEST_ID_HEADER = "X-Request-Id";
  private static final System.Logger LOG =
      System.getLogger(UnexpectedExceptionMapper.class.getName());

  @Override
  public Response toResponse(Throwable exception) {
    // Under a trace (the Java agent's server span), the trace id: the report, the log line and the
    // trace then share one id.
    String id = ServerTracing.currentTraceId().orElseGet(() -> UUID.randomUUID().toString());
    LOG.log(Level.ERROR, "Unexpected failure, request id " + id, exception);
    return ErrorResponses.envelope(
        500,
        ErrorTypes.of(500),
        "Internal server error (request id " + id + ")",
        List.of(),
        Map.of(REQUEST_ID_HEADER, id));
  }
}
