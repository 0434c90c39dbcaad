package dev.worldsapi.reference;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import dev.worldsapi.reference.controls.Faults;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * The exchange Jersey sees. Asked to send a response marked {@link Faults#DROP_HEADER}, it closes
 * the connection instead: the JDK's server closes it when an exchange is closed before its response
 * headers went out, and the body written afterwards goes nowhere.
 */
final class DroppableExchange extends HttpExchange {

  private final HttpExchange exchange;
  private volatile boolean dropped;

  DroppableExchange(HttpExchange exchange) {
    this.exchange = exchange;
  }

  @Override
  public void sendResponseHeaders(int status, long length) throws java.io.IOException {
    if (dropped) {
      // Jersey, finding the response it wrote went nowhere, tries to send a 500 instead.
      return;
    }
    if (exchange.getResponseHeaders().containsKey(Faults.DROP_HEADER)) {
      dropped = true;
      exchange.close();
      return;
    }
    // Jersey gives a HEAD answer the length its GET body would have; the JDK's server sends no
    // body for HEAD whatever the length, and warns when given one. -1 is what it expects.
    boolean head = "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, head && length >= 0 ? -1 : length);
  }

  @Override
  public OutputStream getResponseBody() {
    return dropped ? OutputStream.nullOutputStream() : exchange.getResponseBody();
  }

  @Override
  public void close() {
    if (!dropped) {
      exchange.close();
    }
  }

  @Override
  public Headers getRequestHeaders() {
    return exchange.getRequestHeaders();
  }

  @Override
  public Headers getResponseHeaders() {
    return exchange.getResponseHeaders();
  }

  @Override
  public URI getRequestURI() {
    return exchange.getRequestURI();
  }

  @Override
  public String getRequestMethod() {
    return exchange.getRequestMethod();
  }

  @Override
  public HttpContext getHttpContext() {
    return exchange.getHttpContext();
  }

  @Override
  public InputStream getRequestBody() {
    return exchange.getRequestBody();
  }

  @Override
  public InetSocketAddress getRemoteAddress() {
    return exchange.getRemoteAddress();
  }

  @Override
  public int getResponseCode() {
    return exchange.getResponseCode();
  }

  @Override
  public InetSocketAddress getLocalAddress() {
    return exchange.getLocalAddress();
  }

  @Override
  public String getProtocol() {
    return exchange.getProtocol();
  }

  @Override
  public Object getAttribute(String name) {
    return exchange.getAttribute(name);
  }

  @Override
  public void setAttribute(String name, Object value) {
    exchange.setAttribute(name, value);
  }

  @Override
  public void setStreams(InputStream in, OutputStream out) {
    exchange.setStreams(in, out);
  }

  @Override
  public HttpPrincipal getPrincipal() {
    return exchange.getPrincipal();
  }
}
