package dev.worldsapi.reference;

import dev.worldsapi.server.errors.ErrorResponses;
import dev.worldsapi.server.errors.ErrorTypes;
import dev.worldsapi.server.json.ServerObjectMapper;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP engine the reference server runs on: Jetty, set up once here and shared with the
 * benchmarks' canned-bytes server, so that the two differ only in what they answer.
 *
 * <p>Jetty reads request heads without holding a thread, and {@link WholeRequestBodies} waits for
 * bodies the same way, so clients that send slowly cost a connection each, not a thread; {@link
 * RequestDeadlines} closes those that take longer than the {@link ConnectionLimits}. What the
 * engine refuses before the application sees a request (a head too large, a URI too long, malformed
 * HTTP) is answered with the API's error envelope.
 */
public final class HttpEngine {

  // Jetty's start and stop lines repeat what the server's own banner says; its warnings stay.
  private static final java.util.logging.Logger JETTY =
      java.util.logging.Logger.getLogger("org.eclipse.jetty");

  // Its parser warns of what a client sent (a URI over the head limit), which is answered (414)
  // and is the client's to mend, not the server's operator's.
  private static final java.util.logging.Logger JETTY_PARSER =
      java.util.logging.Logger.getLogger("org.eclipse.jetty.http.HttpParser");

  static {
    JETTY.setLevel(java.util.logging.Level.WARNING);
    JETTY_PARSER.setLevel(java.util.logging.Level.SEVERE);
  }

  /** Threads that run requests: enough that requests reading a slow body leave room for others. */
  private static final int MAX_THREADS = 200;

  /**
   * Jetty refuses with 400 a path it finds ambiguous ({@code //}, {@code %2e%2e}, {@code %2F}); the
   * application matches paths to the spec's templates segment for segment, and answers such a path
   * 404 as the spec says. Malformed URIs (bad percent-encoding, illegal characters) and paths Jetty
   * never takes (one decoding to a NUL byte, one climbing above the root) are still refused by
   * Jetty, with a 400 envelope.
   */
  private static final UriCompliance PATHS_FOR_THE_APPLICATION =
      UriCompliance.DEFAULT.with(
          "WORLDS",
          UriCompliance.Violation.AMBIGUOUS_PATH_SEGMENT,
          UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT,
          UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR,
          UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING,
          UriCompliance.Violation.SUSPICIOUS_PATH_CHARACTERS);

  /** Writes the envelopes of what the engine refuses: made once, not per hostile request. */
  private static final com.fasterxml.jackson.databind.ObjectMapper ENVELOPES =
      ServerObjectMapper.create();

  private HttpEngine() {}

  /**
   * Serves {@code handler} on {@code host} and {@code port} (0 for any free one), started; request
   * bodies of up to {@code maxBodyBytes} reach it whole.
   *
   * @throws IllegalStateException when the port cannot be listened on
   */
  public static ServerHost.Running start(
      String host, int port, ConnectionLimits limits, long maxBodyBytes, Handler handler) {
    QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 8);
    threads.setName("worlds-http");
    threads.setDaemon(true);
    Server server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setRequestHeaderSize(limits.maxHeadBytes());
    http.setUriCompliance(PATHS_FOR_THE_APPLICATION);
    ServerConnector connector = new ServerConnector(server, new GracefulConnections(http));
    connector.setHost(host);
    connector.setPort(port);
    connector.setIdleTimeout(limits.idleTimeout().toMillis());
    RequestDeadlines deadlines = new RequestDeadlines(limits.headTimeout(), limits.bodyTimeout());
    connector.addBean(deadlines);
    server.addConnector(connector);
    server.setHandler(new GracefulHandler(new WholeRequestBodies(handler, maxBodyBytes)));
    server.setErrorHandler(new EnvelopeErrors(limits.maxHeadBytes()));
    try {
      server.start();
    } catch (Exception e) {
      try {
        server.stop();
      } catch (Exception ignored) {
        // The start's failure is the one to report.
      }
      deadlines.close();
      throw new IllegalStateException("cannot listen on " + host + ":" + port, e);
    }
    return new ServerHost.Running() {
      @Override
      public int port() {
        return connector.getLocalPort();
      }

      @Override
      public void stop(Duration grace) {
        // Zero: no graceful phase at all.
        server.setStopTimeout(grace.toMillis());
        try {
          server.stop();
        } catch (Exception e) {
          // Jetty reports a grace that ran out as a TimeoutException, after stopping everything:
          // requests still running then were cut off, which is what a grace means.
          if (!(e instanceof TimeoutException || e.getCause() instanceof TimeoutException)) {
            throw new IllegalStateException("the HTTP engine did not stop cleanly", e);
          }
        } finally {
          deadlines.close();
        }
      }
    };
  }

  /** The error envelope for {@code status}, as the bytes of a JSON body. */
  static byte[] envelope(int status, String detail) {
    try {
      return ENVELOPES.writeValueAsBytes(
          ErrorResponses.body(status, ErrorTypes.of(status), detail, java.util.List.of()));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write an error envelope", e);
    }
  }

  /**
   * HTTP/1.1 connections that let a request in flight finish when the server stops. On a stop,
   * Jetty shortens every connection's idle timeout to a second, to close idle keep-alive
   * connections at once; a request whose client pauses longer than that (mid-body, say) would then
   * fail although the grace has time left. Here only connections without a request in flight close
   * early; the others have the grace.
   *
   * <p>It subclasses {@code org.eclipse.jetty.server.internal.HttpConnection}: Jetty 12 has no
   * public type for an HTTP/1.1 connection, nor a public hook on its idle expiry (as {@link
   * RequestDeadlines} needs its parser state, which only that type exposes).
   */
  private static final class GracefulConnections extends HttpConnectionFactory {
    GracefulConnections(HttpConfiguration http) {
      super(http);
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
      HttpConnection connection =
          new HttpConnection(getHttpConfiguration(), connector, endPoint) {
            @Override
            public boolean onIdleExpired(TimeoutException timeout) {
              if (connector.isShutdown() && getHttpChannel().getRequest() != null) {
                return false;
              }
              return super.onIdleExpired(timeout);
            }
          };
      connection.setUseInputDirectByteBuffers(isUseInputDirectByteBuffers());
      connection.setUseOutputDirectByteBuffers(isUseOutputDirectByteBuffers());
      return configure(connection, connector, endPoint);
    }
  }

  /**
   * What Jetty answers on its own (a head over the limit, a URI too long, malformed HTTP): the
   * API's envelope, not Jetty's HTML page, and a detail that says what to fix ({@link
   * ProtocolErrors}).
   */
  private static final class EnvelopeErrors extends ErrorHandler {

    private final int maxHeadBytes;

    EnvelopeErrors(int maxHeadBytes) {
      this.maxHeadBytes = maxHeadBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      int status =
          request.getAttribute(ERROR_STATUS) instanceof Integer given
              ? given
              : response.getStatus();
      String message = request.getAttribute(ERROR_MESSAGE) instanceof String text ? text : null;
      Throwable failure =
          request.getAttribute(ERROR_EXCEPTION) instanceof Throwable thrown ? thrown : null;
      // Jetty names a request whose line it could not read "/badMessage" (or "/badURI").
      String path = request.getHttpURI() == null ? "" : request.getHttpURI().getPath();
      boolean inRequestLine = "/badMessage".equals(path) || "/badURI".equals(path);
      ProtocolErrors.Refusal refusal =
          ProtocolErrors.describe(status, message, failure, inRequestLine, maxHeadBytes);
      response.setStatus(refusal.status());
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
      // Jetty does not read another request on a connection it refused one on: say so, or a
      // client that pools connections sends its next request into a closed one.
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
      response.write(true, ByteBuffer.wrap(envelope(refusal.status(), refusal.detail())), callback);
      return true;
    }
  }
}
