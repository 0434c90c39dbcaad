package dev.worldsapi.reference;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.Callback;

/**
 * Bounds how long a request head and a request body may take to arrive. Jetty's idle timeout alone
 * does not: a client that sends a byte every few seconds is never idle.
 *
 * <p>Four times a second it looks at what each open HTTP/1.1 connection's parser is doing. A head
 * in progress past its deadline is answered 408 with the envelope and closed (nothing has been
 * answered yet, so the answer cannot cross another). A body still awaited past its deadline, with
 * nothing left unread in the connection's buffer (so it is the client that is slow, not the
 * application that has not read yet), is failed the way Jetty fails an idle read: the runtime then
 * answers 408 and the connection closes.
 *
 * <p>Jetty offers no public view of a connection's parser; {@link HttpConnection} is its HTTP/1.1
 * connection, public though in an {@code internal} package, and read here only.
 */
final class RequestDeadlines implements Connection.Listener, AutoCloseable {

  private static final long SWEEP_MILLIS = 250;

  private final Duration head;
  private final Duration body;
  private final Map<HttpConnection, Phase> open = new ConcurrentHashMap<>();
  private final ScheduledExecutorService sweeper =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "worlds-http-deadlines");
            thread.setDaemon(true);
            return thread;
          });

  RequestDeadlines(Duration head, Duration body) {
    this.head = head;
    this.body = body;
    sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
  }

  @Override
  public void onOpened(Connection connection) {
    if (connection instanceof HttpConnection http) {
      open.put(http, new Phase(Stage.IDLE, 0, System.nanoTime()));
    }
  }

  @Override
  public void onClosed(Connection connection) {
    open.remove(connection);
  }

  /** Stops looking; the engine has stopped. */
  @Override
  public void close() {
    sweeper.shutdownNow();
  }

  private void sweep() {
    long now = System.nanoTime();
    open.replaceAll((connection, was) -> next(connection, was, now));
  }

  private Phase next(HttpConnection connection, Phase was, long now) {
    HttpParser parser = connection.getParser();
    Stage stage =
        parser.inContentState()
            ? Stage.BODY
            : parser.inHeaderState() && !parser.isStart() ? Stage.HEAD : Stage.IDLE;
    long request = connection.getMessagesIn();
    if (stage != was.stage || request != was.request) {
      return new Phase(stage, request, now);
    }
    long waited = now - was.since;
    if (stage == Stage.HEAD && waited > head.toNanos()) {
      expire(connection, "Request head not received within " + head.toMillis() + " ms");
      return new Phase(Stage.EXPIRED, request, now);
    }
    if (stage == Stage.BODY && waited > body.toNanos() && connection.isRequestBufferEmpty()) {
      expire(connection, "Request body not received within " + body.toMillis() + " ms");
      return new Phase(Stage.EXPIRED, request, now);
    }
    return was;
  }

  private static void expire(HttpConnection connection, String why) {
    // With a request under way, Jetty fails its reads (the runtime answers 408) and returns false;
    // with none yet (a head still arriving) it leaves the closing to the caller.
    if (connection.onIdleExpired(new TimeoutException(why))) {
      EndPoint endPoint = connection.getEndPoint();
      byte[] json = HttpEngine.envelope(408, why);
      String head =
          "HTTP/1.1 408 Request Timeout\r\nContent-Type: application/json\r\nContent-Length: "
              + json.length
              + "\r\nConnection: close\r\n\r\n";
      ByteBuffer answer = ByteBuffer.allocate(head.length() + json.length);
      answer.put(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).put(json).flip();
      endPoint.write(Callback.from(endPoint::close, failed -> endPoint.close()), answer);
    }
  }

  private enum Stage {
    IDLE,
    HEAD,
    BODY,
    EXPIRED
  }

  /** Where a connection was at the last look, for which request, and since when. */
  private record Phase(Stage stage, long request, long since) {}
}
