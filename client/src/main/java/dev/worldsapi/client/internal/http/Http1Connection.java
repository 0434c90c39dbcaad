package dev.worldsapi.client.internal.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 connection: writes a request, reads a response head and body under a deadline, and
 * knows whether it may carry another exchange. Not thread-safe: one exchange at a time. The socket
 * belongs to a {@link SocketChannel}, so interrupting the thread that waits on it closes it.
 */
final class Http1Connection {

  static final int MAX_HEAD_BYTES = 64 * 1024;
  static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

  private final SocketChannel channel;
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final byte[] buffer = new byte[16 * 1024];
  private int position;
  private int limit;
  private long idleSince;

  /**
   * @param socket the socket to talk over: the channel's own, or a TLS socket layered on it
   */
  Http1Connection(SocketChannel channel, Socket socket) throws IOException {
    this.channel = channel;
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  void write(byte[] request) throws IOException {
    out.write(request);
    out.flush();
  }

  /** A response head: the status line's code and the header fields in arrival order. */
  record Head(int version, int status, Map<String, List<String>> headers) {

    List<String> values(String name) {
      return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    boolean hasToken(String name, String token) {
      for (String value : values(name)) {
        for (String part : value.split(",")) {
          if (part.strip().equalsIgnoreCase(token)) {
            return true;
          }
        }
      }
      return false;
    }
  }

  /** The head of the response, or an {@link IOException} naming what is wrong with it. */
  Head readHead(Deadline deadline) throws IOException {
    int[] budget = {MAX_HEAD_BYTES};
    String statusLine = readLine(deadline, budget, true);
    if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
      throw new IOException("malformed response: the status line is " + quote(statusLine));
    }
    char minor = statusLine.charAt(7);
    String code = statusLine.substring(9, 12);
    if ((minor != '0' && minor != '1')
        || statusLine.charAt(8) != ' '
        || !code.chars().allMatch(c -> c >= '0' && c <= '9')
        || (statusLine.length() > 12 && statusLine.charAt(12) != ' ')) {
      throw new IOException("malformed response: the status line is " + quote(statusLine));
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String line = readLine(deadline, budget, false);
        !line.isEmpty();
        line = readLine(deadline, budget, false)) {
      int colon = line.indexOf(':');
      if (colon <= 0 || !Requests.isToken(line.substring(0, colon))) {
        throw new IOException("malformed response: the header line is " + quote(line));
      }
      headers
          .computeIfAbsent(
              line.substring(0, colon).toLowerCase(Locale.ROOT), n -> new ArrayList<>(1))
          .add(line.substring(colon + 1).strip());
    }
    return new Head(minor - '0', Integer.parseInt(code), headers);
  }

  /** Reads exactly {@code length} body bytes. */
  byte[] readBody(long length, Deadline deadline) throws IOException {
    if (length > MAX_BODY_BYTES) {
      throw new IOException(
          "response body of " + length + " bytes is larger than the limit of " + MAX_BODY_BYTES);
    }
    byte[] body = new byte[(int) length];
    int read = 0;
    while (read < body.length) {
      if (position == limit && !fill(deadline)) {
        throw new EOFException(
            "the connection closed after " + read + " of the response's " + length + " bytes");
      }
      int n = Math.min(limit - position, body.length - read);
      System.arraycopy(buffer, position, body, read, n);
      position += n;
      read += n;
    }
    return body;
  }

  /** Reads a chunked body and its trailer. */
  byte[] readChunked(Deadline deadline) throws IOException {
    Growing body = new Growing();
    int[] budget = {MAX_HEAD_BYTES};
    while (true) {
      String line = readLine(deadline, budget, false);
      int end = line.indexOf(';');
      String size = (end < 0 ? line : line.substring(0, end)).strip();
      long chunk;
      try {
        chunk = size.isEmpty() || size.length() > 8 ? -1 : Long.parseLong(size, 16);
      } catch (NumberFormatException e) {
        chunk = -1;
      }
      if (chunk < 0) {
        throw new IOException("malformed response: the chunk size line is " + quote(line));
      }
      if (chunk == 0) {
        while (!readLine(deadline, budget, false).isEmpty()) {
          // A trailer field: nothing here reads them.
        }
        return body.toArray();
      }
      body.append(readBody(Math.min(chunk, MAX_BODY_BYTES + 1L - body.size()), deadline));
      if (body.size() > MAX_BODY_BYTES) {
        throw new IOException("response body is larger than the limit of " + MAX_BODY_BYTES);
      }
      if (!readLine(deadline, budget, false).isEmpty()) {
        throw new IOException("malformed response: a chunk does not end where its size says");
      }
    }
  }

  /** Reads until the server closes the connection: a body without a length. */
  byte[] readToEnd(Deadline deadline) throws IOException {
    Growing body = new Growing();
    while (position < limit || fill(deadline)) {
      if (body.size() + (limit - position) > MAX_BODY_BYTES) {
        throw new IOException("response body is larger than the limit of " + MAX_BODY_BYTES);
      }
      body.append(Arrays.copyOfRange(buffer, position, limit));
      position = limit;
    }
    return body.toArray();
  }

  /**
   * {@code true} when an idle connection can carry a request: the server has neither closed it nor
   * sent anything unasked. Idle connections a server closed would otherwise fail the next request
   * before any response byte, the case clients resend silently; checking first keeps each attempt
   * one request.
   */
  boolean isReusable() {
    if (position < limit) {
      return false;
    }
    try {
      channel.configureBlocking(false);
      try {
        return channel.read(ByteBuffer.allocate(1)) == 0;
      } finally {
        channel.configureBlocking(true);
      }
    } catch (IOException e) {
      return false;
    }
  }

  long idleSince() {
    return idleSince;
  }

  void markIdle(long now) {
    idleSince = now;
  }

  void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // Closing: nothing left to do with this connection.
    }
    try {
      channel.close();
    } catch (IOException e) {
      // As above.
    }
  }

  private String readLine(Deadline deadline, int[] budget, boolean first) throws IOException {
    StringBuilder line = new StringBuilder(64);
    while (true) {
      if (position == limit && !fill(deadline)) {
        if (first && line.length() == 0) {
          throw new EOFException("the connection closed before any response byte");
        }
        throw new EOFException("the connection closed in the middle of the response head");
      }
      byte b = buffer[position++];
      if (--budget[0] < 0) {
        throw new IOException(
            "malformed response: a head longer than " + MAX_HEAD_BYTES + " bytes");
      }
      if (b == '\n') {
        int length = line.length();
        if (length > 0 && line.charAt(length - 1) == '\r') {
          line.setLength(length - 1);
        }
        return line.toString();
      }
      line.append((char) (b & 0xFF));
    }
  }

  /** Reads more bytes into the buffer; {@code false} at the end of the stream. */
  private boolean fill(Deadline deadline) throws IOException {
    int wait = deadline.remainingMillis();
    socket.setSoTimeout(wait);
    int n;
    try {
      n = in.read(buffer, 0, buffer.length);
    } catch (SocketTimeoutException e) {
      throw deadline.expired();
    }
    if (n < 0) {
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }

  private static String quote(String text) {
    String shown = text.length() > 80 ? text.substring(0, 80) + "..." : text;
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : shown.toCharArray()) {
      quoted.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\x%02X", (int) c));
    }
    return quoted.append('"').toString();
  }

  /** When the whole response must have arrived. */
  static final class Deadline {

    private final long endNanos;
    private final long timeoutMillis;

    Deadline(long timeoutMillis) {
      this.timeoutMillis = timeoutMillis;
      this.endNanos = System.nanoTime() + timeoutMillis * 1_000_000L;
    }

    /** Milliseconds left, at least 1; throws once none are. */
    int remainingMillis() throws HttpTimeoutException {
      long left = (endNanos - System.nanoTime()) / 1_000_000L;
      if (left <= 0) {
        throw expired();
      }
      return (int) Math.min(left, Integer.MAX_VALUE);
    }

    HttpTimeoutException expired() {
      return new HttpTimeoutException(
          "no complete response within the read timeout of " + timeoutMillis + " ms");
    }
  }

  /** A byte array that grows, without the copying of {@code ByteArrayOutputStream.toByteArray}. */
  private static final class Growing {
    private byte[] bytes = new byte[0];
    private int size;

    void append(byte[] more) {
      if (size + more.length > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(size + more.length, bytes.length * 2));
      }
      System.arraycopy(more, 0, bytes, size, more.length);
      size += more.length;
    }

    int size() {
      return size;
    }

    byte[] toArray() {
      return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }
  }
}
