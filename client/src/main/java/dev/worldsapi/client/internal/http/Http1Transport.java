package dev.worldsapi.client.internal.http;

import dev.worldsapi.client.internal.http.Http1Connection.Deadline;
import dev.worldsapi.client.internal.http.Http1Connection.Head;
import feign.Client;
import feign.Request;
import feign.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.ref.Cleaner;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;

/**
 * The default transport: HTTP/1.1 over the JDK's sockets and TLS, so the client needs no other HTTP
 * library at run time. One request on the wire per call, never more: unlike {@code java.net.http}
 * and {@code HttpURLConnection}, which silently send a request again when a connection closes
 * before the response, so the server would see more requests than the client counts attempts.
 * Retrying is {@link CallPipeline}'s alone.
 *
 * <p>The read timeout bounds the whole response, head and body, so a server that trickles bytes
 * cannot hang a call; the connect timeout bounds the connection. No redirects are followed (a
 * redirect must not carry the token to another host). TLS checks the server's certificate and host
 * name against the JVM's default trust store. HTTP proxies chosen by the {@link ProxySelector} are
 * used, through a {@code CONNECT} tunnel for {@code https}; other proxy types are ignored, as
 * {@code java.net.http} does. Idle connections are kept per origin for 20 seconds and checked
 * before each reuse. Interrupting the calling thread closes its connection. Thread-safe.
 */
public final class Http1Transport implements Client {

  // Framing and connection headers are this class's to write, whatever a caller passes.
  private static final Set<String> SET_HERE =
      Set.of(
          "connection",
          "content-length",
          "expect",
          "host",
          "keep-alive",
          "proxy-connection",
          "te",
          "transfer-encoding",
          "upgrade");
  private static final Set<String> METHODS_WITH_CONTENT = Set.of("POST", "PUT", "PATCH");
  private static final long IDLE_NANOS = Duration.ofSeconds(20).toNanos();
  private static final int MAX_IDLE_PER_ORIGIN = 32;
  private static final Cleaner CLEANER = Cleaner.create();

  private final Duration connectTimeout;
  private final @Nullable ProxySelector proxySelector;
  private final ConcurrentHashMap<Route, Deque<Http1Connection>> idle = new ConcurrentHashMap<>();
  private volatile @Nullable SSLSocketFactory tls;

  /**
   * @param proxy chooses the proxy for each request; {@code null} for none
   */
  public Http1Transport(Duration connectTimeout, @Nullable ProxySelector proxy) {
    this(connectTimeout, proxy, null);
  }

  /** With a TLS socket factory other than the JVM's default, e.g. one trusting a test's CA. */
  Http1Transport(
      Duration connectTimeout, @Nullable ProxySelector proxy, @Nullable SSLSocketFactory tls) {
    this.connectTimeout = connectTimeout;
    this.proxySelector = proxy;
    this.tls = tls;
    // A client dropped without further calls still closes its idle connections, once collected.
    Map<Route, Deque<Http1Connection>> connections = idle;
    CLEANER.register(
        this, () -> connections.values().forEach(pool -> pool.forEach(Http1Connection::close)));
  }

  /** Where a connection goes: the origin, and the HTTP proxy in between if any. */
  private record Route(boolean secure, String host, int port, @Nullable InetSocketAddress proxy) {}

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    Deadline deadline = new Deadline(options.readTimeoutMillis());
    URI uri = URI.create(request.url());
    Route route = route(uri);
    byte[] message = message(request, uri, route);
    Http1Connection connection = idleConnection(route);
    boolean reuse = false;
    try {
      if (connection == null) {
        connection = open(route, deadline);
      }
      connection.write(message);
      Head head = connection.readHead(deadline);
      while (head.status() >= 100 && head.status() < 200) {
        if (head.status() == 101) {
          throw new IOException("malformed response: 101 Switching Protocols, nothing was asked");
        }
        head = connection.readHead(deadline);
      }
      boolean delimited = true;
      byte[] body;
      List<String> codings = head.values("transfer-encoding");
      if (request.httpMethod() == Request.HttpMethod.HEAD
          || head.status() == 204
          || head.status() == 304) {
        body = new byte[0];
      } else if (!codings.isEmpty()) {
        // Both framings at once is how responses get smuggled: read by the chunks, as RFC 9112
        // says, and never trust what follows on this connection.
        delimited = head.values("content-length").isEmpty();
        if (codings.get(codings.size() - 1).toLowerCase(Locale.ROOT).endsWith("chunked")) {
          body = connection.readChunked(deadline);
        } else {
          body = connection.readToEnd(deadline);
          delimited = false;
        }
      } else if (!head.values("content-length").isEmpty()) {
        body = connection.readBody(contentLength(head), deadline);
      } else {
        body = connection.readToEnd(deadline);
        delimited = false;
      }
      reuse = delimited && head.version() == 1 && !head.hasToken("connection", "close");
      return Response.builder()
          .request(request)
          .status(head.status())
          .reason("")
          .headers(headers(head.headers()))
          .body(body)
          .build();
    } catch (IOException e) {
      if (e instanceof ClosedByInterruptException || Thread.currentThread().isInterrupted()) {
        InterruptedIOException interrupted =
            new InterruptedIOException("interrupted while waiting for the response");
        interrupted.initCause(e);
        throw interrupted;
      }
      throw e;
    } finally {
      if (connection != null) {
        if (reuse) {
          release(route, connection);
        } else {
          connection.close();
        }
      }
    }
  }

  private Route route(URI uri) {
    boolean secure = "https".equalsIgnoreCase(uri.getScheme());
    String host = uri.getHost();
    if (host == null) {
      throw new IllegalArgumentException("the request URL names no host");
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = uri.getPort() >= 0 ? uri.getPort() : secure ? 443 : 80;
    InetSocketAddress proxy = null;
    if (proxySelector != null) {
      List<Proxy> chosen = proxySelector.select(uri);
      if (!chosen.isEmpty()
          && chosen.get(0).type() == Proxy.Type.HTTP
          && chosen.get(0).address() instanceof InetSocketAddress address) {
        proxy = address;
      }
    }
    return new Route(secure, host, port, proxy);
  }

  private static byte[] message(Request request, URI uri, Route route) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    String authority = uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
    StringBuilder head = new StringBuilder(512);
    head.append(request.httpMethod().name()).append(' ');
    if (route.proxy() != null && !route.secure()) {
      // Through a proxy, a plain request names its origin in the request line.
      head.append("http://").append(authority);
    }
    head.append(target).append(" HTTP/1.1\r\nHost: ").append(authority).append("\r\n");
    for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
      String name = header.getKey();
      if (SET_HERE.contains(name.toLowerCase(Locale.ROOT))) {
        continue;
      }
      if (!Requests.isToken(name)) {
        throw new IllegalArgumentException("header name must be an HTTP token, got " + name);
      }
      for (String value : header.getValue()) {
        if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0 || c > 0xFF)) {
          throw new IllegalArgumentException(
              "header " + name + " needs a value of Latin-1 characters without line breaks");
        }
        head.append(name).append(": ").append(value).append("\r\n");
      }
    }
    byte[] body = request.body();
    if (body != null || METHODS_WITH_CONTENT.contains(request.httpMethod().name())) {
      head.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n");
    }
    head.append("\r\n");
    byte[] bytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    if (body == null || body.length == 0) {
      return bytes;
    }
    ByteArrayOutputStream all = new ByteArrayOutputStream(bytes.length + body.length);
    all.writeBytes(bytes);
    all.writeBytes(body);
    return all.toByteArray();
  }

  private Http1Connection open(Route route, Deadline deadline) throws IOException {
    InetSocketAddress address =
        route.proxy() != null
            ? new InetSocketAddress(route.proxy().getHostString(), route.proxy().getPort())
            : new InetSocketAddress(route.host(), route.port());
    if (address.isUnresolved()) {
      throw new UnknownHostException(address.getHostString());
    }
    SocketChannel channel = SocketChannel.open();
    try {
      Socket socket = channel.socket();
      socket.setTcpNoDelay(true);
      long timeout = connectTimeout.toMillis();
      int wait = deadline.remainingMillis();
      try {
        socket.connect(address, (int) Math.min(timeout, wait));
      } catch (SocketTimeoutException e) {
        if (timeout < wait) {
          throw new HttpConnectTimeoutException(
              "no connection to "
                  + address.getHostString()
                  + ":"
                  + address.getPort()
                  + " within "
                  + timeout
                  + " ms");
        }
        throw deadline.expired();
      }
      Http1Connection plain = new Http1Connection(channel, socket);
      if (!route.secure()) {
        return plain;
      }
      if (route.proxy() != null) {
        tunnel(plain, route, deadline);
      }
      return new Http1Connection(channel, handshake(socket, route, deadline));
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** Asks the proxy for a tunnel to the origin, for TLS to run end to end through it. */
  private static void tunnel(Http1Connection proxy, Route route, Deadline deadline)
      throws IOException {
    String origin = route.host().contains(":") ? "[" + route.host() + "]" : route.host();
    origin += ":" + route.port();
    proxy.write(
        ("CONNECT " + origin + " HTTP/1.1\r\nHost: " + origin + "\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
    Head answer = proxy.readHead(deadline);
    if (answer.status() < 200 || answer.status() > 299) {
      throw new IOException(
          "the proxy answered CONNECT " + origin + " with HTTP " + answer.status());
    }
  }

  private SSLSocket handshake(Socket socket, Route route, Deadline deadline) throws IOException {
    SSLSocket ssl = (SSLSocket) tls().createSocket(socket, route.host(), route.port(), true);
    SSLParameters parameters = ssl.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    ssl.setSSLParameters(parameters);
    ssl.setSoTimeout(deadline.remainingMillis());
    try {
      ssl.startHandshake();
    } catch (SocketTimeoutException e) {
      throw deadline.expired();
    }
    return ssl;
  }

  private SSLSocketFactory tls() throws IOException {
    SSLSocketFactory factory = tls;
    if (factory == null) {
      try {
        factory = SSLContext.getDefault().getSocketFactory();
      } catch (NoSuchAlgorithmException e) {
        throw new IOException("this JVM offers no default TLS context", e);
      }
      tls = factory;
    }
    return factory;
  }

  private @Nullable Http1Connection idleConnection(Route route) {
    Deque<Http1Connection> connections = idle.get(route);
    if (connections == null) {
      return null;
    }
    long now = System.nanoTime();
    for (Http1Connection connection = connections.pollFirst();
        connection != null;
        connection = connections.pollFirst()) {
      if (now - connection.idleSince() < IDLE_NANOS && connection.isReusable()) {
        return connection;
      }
      connection.close();
    }
    return null;
  }

  private void release(Route route, Http1Connection connection) {
    long now = System.nanoTime();
    connection.markIdle(now);
    Deque<Http1Connection> connections =
        idle.computeIfAbsent(route, r -> new ConcurrentLinkedDeque<>());
    connections.offerFirst(connection);
    for (Http1Connection oldest = connections.peekLast();
        oldest != null
            && (now - oldest.idleSince() >= IDLE_NANOS || connections.size() > MAX_IDLE_PER_ORIGIN);
        oldest = connections.peekLast()) {
      if (connections.removeLastOccurrence(oldest)) {
        oldest.close();
      }
    }
  }

  private static long contentLength(Head head) throws IOException {
    String length = null;
    for (String value : head.values("content-length")) {
      for (String part : value.split(",", -1)) {
        String candidate = part.strip();
        if (candidate.isEmpty()
            || candidate.length() > 18
            || !candidate.chars().allMatch(c -> c >= '0' && c <= '9')
            || (length != null && !length.equals(candidate))) {
          throw new IOException(
              "malformed response: Content-Length " + head.values("content-length"));
        }
        length = candidate;
      }
    }
    return Long.parseLong(length);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Map<String, Collection<String>> headers(Map<String, List<String>> headers) {
    return (Map) headers;
  }
}
