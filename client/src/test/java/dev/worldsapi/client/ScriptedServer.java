package dev.worldsapi.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw-socket HTTP/1.1 server whose answers are scripted one request at a time: bytes to write, or
 * a close before any byte. It counts what arrives on the wire, so a test can compare the requests
 * the server received with the attempts the client reports. Answers not scripted are closes.
 * Loopback only; one thread per connection.
 */
public final class ScriptedServer implements AutoCloseable {

  /** What the server does with one request. */
  public interface Action {
    /** Returns {@code true} to keep the connection open for the next request. */
    boolean perform(Socket socket, OutputStream out) throws IOException;
  }

  /** A request as received: its request line and header block, and its body. */
  public record Received(String head, byte[] body) {

    public String requestLine() {
      return head.substring(0, head.indexOf("\r\n"));
    }

    /** The first value of a header, or {@code null}. */
    public String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
          return line.substring(colon + 1).strip();
        }
      }
      return null;
    }
  }

  private final ServerSocket listener;
  private final BlockingQueue<Action> script = new LinkedBlockingQueue<>();
  private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger connections = new AtomicInteger();
  private final ConcurrentLinkedQueue<Socket> open = new ConcurrentLinkedQueue<>();

  public ScriptedServer() {
    try {
      listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread acceptor = new Thread(this::accept, "scripted-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + listener.getLocalPort();
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** Queues the answers to the next requests, in order. */
  public ScriptedServer then(Action... actions) {
    script.addAll(List.of(actions));
    return this;
  }

  public List<Received> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  /** How many connections the server accepted. */
  public int connections() {
    return connections.get();
  }

  /** Closes every connection the server holds, as a server ending idle keep-alive ones does. */
  public void closeIdleConnections() throws IOException {
    for (Socket socket = open.poll(); socket != null; socket = open.poll()) {
      socket.close();
    }
  }

  /** Reads the request, then closes the connection without a byte of answer. */
  public static Action closeWithoutAnswer() {
    return (socket, out) -> false;
  }

  /** Writes these bytes as they are, then keeps the connection for the next request. */
  public static Action raw(String response) {
    return (socket, out) -> {
      out.write(response.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return true;
    };
  }

  /** Writes these bytes, then closes the connection. */
  public static Action rawThenClose(String response) {
    return (socket, out) -> {
      out.write(response.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return false;
    };
  }

  /** A 200 with a JSON body and its length, on a connection kept open. */
  public static Action json(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return raw(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
            + bytes.length
            + "\r\n\r\n"
            + new String(bytes, StandardCharsets.ISO_8859_1));
  }

  @Override
  public void close() throws IOException {
    listener.close();
    closeIdleConnections();
  }

  private void accept() {
    while (!listener.isClosed()) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException e) {
        return;
      }
      connections.incrementAndGet();
      open.add(socket);
      Thread handler = new Thread(() -> serve(socket), "scripted-connection");
      handler.setDaemon(true);
      handler.start();
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      while (true) {
        String head = readHead(in);
        if (head == null) {
          return;
        }
        byte[] body = in.readNBytes(contentLength(head));
        received.add(new Received(head, body));
        Action action = script.poll(5, TimeUnit.SECONDS);
        if (action == null || !action.perform(socket, out)) {
          return;
        }
      }
    } catch (IOException e) {
      // The client went away: nothing more to serve on this connection.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      open.remove(socket);
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    for (int b = in.read(); b >= 0; b = in.read()) {
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == 4) {
        return head.toString(StandardCharsets.ISO_8859_1);
      }
    }
    return null;
  }

  private static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        return Integer.parseInt(line.substring("content-length:".length()).strip());
      }
    }
    return 0;
  }
}
