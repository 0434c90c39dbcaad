package dev.worldsapi.reference;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** One HTTP/1.1 answer read off a raw socket, for tests that speak HTTP by hand. */
final class RawAnswer {

  private RawAnswer() {}

  /**
   * Reads one response head, up to and including its blank line, and nothing past it: an interim
   * answer ({@code 100 Continue}) that comes before the final one.
   */
  static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new AssertionError("the connection closed before a response head: " + head);
      }
      head.append((char) b);
    }
    return head.toString();
  }

  /**
   * Reads one answer: its head, then as much body as its Content-Length or chunks say, so that a
   * connection the server keeps open (waiting for a body that never comes) does not hold the test.
   */
  static String read(InputStream in) throws IOException {
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        answer.write(buffer, 0, n);
        if (complete(answer.toString(StandardCharsets.UTF_8))) {
          break;
        }
      }
    } catch (SocketTimeoutException | java.net.SocketException ended) {
      // What arrived is the answer (a reset after it ends it too).
    }
    return answer.toString(StandardCharsets.UTF_8);
  }

  private static boolean complete(String text) {
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      return false;
    }
    String head = text.substring(0, end).toLowerCase(java.util.Locale.ROOT);
    String body = text.substring(end + 4);
    java.util.regex.Matcher length =
        java.util.regex.Pattern.compile("content-length: *(\\d+)").matcher(head);
    if (length.find()) {
      return body.getBytes(StandardCharsets.UTF_8).length >= Integer.parseInt(length.group(1));
    }
    return head.contains("transfer-encoding: chunked") && body.contains("\r\n0\r\n\r\n");
  }

  static String unchunk(String body) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (at < body.length()) {
      int line = body.indexOf("\r\n", at);
      int size = Integer.parseInt(body.substring(at, line).strip(), 16);
      if (size == 0) {
        break;
      }
      out.append(body, line + 2, line + 2 + size);
      at = line + 2 + size + 2;
    }
    return out.toString();
  }
}
