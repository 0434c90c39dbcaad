package dev.worldsapi.reference;

import java.net.URISyntaxException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the HTTP engine refused before the application saw a request, said so that the caller knows
 * what to fix: Jetty's own words ("Illegal character CNTL=0x1", "Bad Request") name a parser state,
 * not the request's mistake. Each answer keeps its status; a malformed escape in the query, which
 * Jetty lets through and Jersey then fails on, is a 400 like a malformed path.
 */
final class ProtocolErrors {

  /** A refusal: the status to answer and the envelope's {@code detail}. */
  record Refusal(int status, String detail) {}

  private static final Pattern CHARACTER = Pattern.compile("Illegal character (\\w+)=(\\S+)");

  private ProtocolErrors() {}

  /**
   * @param status what the engine would answer
   * @param message the engine's message, if any
   * @param failure what the engine caught, if anything
   * @param inRequestLine whether the request line itself could not be read (its headers then were
   *     not)
   * @param maxHeadBytes the engine's limit on the request line and headers
   */
  static Refusal describe(
      int status, String message, Throwable failure, boolean inRequestLine, int maxHeadBytes) {
    if (status == 414) {
      return new Refusal(
          414, "URI too long: the request line is over the limit of " + maxHeadBytes + " bytes");
    }
    if (status == 431) {
      return new Refusal(
          431,
          "Request header fields too large: the request line and headers are over the limit of "
              + maxHeadBytes
              + " bytes");
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof URISyntaxException uri) {
        return new Refusal(400, escape("query"));
      }
      String text = cause.getMessage() == null ? "" : cause.getMessage();
      // HttpParser's IllegalCharacterException is private: known by its message.
      if (CHARACTER.matcher(text).find()) {
        return new Refusal(400, illegalCharacter(text, inRequestLine));
      }
      if (cause instanceof NumberFormatException || text.contains("% encoding")) {
        return new Refusal(400, escape("path"));
      }
      if (text.contains("Illegal character in path")) {
        return new Refusal(
            400,
            "Malformed path: a percent-escape decodes to a control character (such as %00), which"
                + " no path of this API has");
      }
      if (text.contains("Bad UTF-8")) {
        return new Refusal(400, "Malformed path: its percent-escapes do not decode to UTF-8 text");
      }
      if (text.contains("No Host")) {
        return new Refusal(400, "Malformed request: HTTP/1.1 requires a Host header");
      }
    }
    if (status >= 500 || message == null || message.isBlank()) {
      return new Refusal(status, status >= 500 ? "Internal server error" : "Malformed request");
    }
    return new Refusal(status, "Malformed request: " + message);
  }

  private static String illegalCharacter(String message, boolean inRequestLine) {
    Matcher found = CHARACTER.matcher(message == null ? "" : message);
    String what = "an illegal character";
    if (found.find()) {
      what =
          switch (found.group(1)) {
            case "CNTL" -> "a control character (" + hex(found.group(2)) + ")";
            case "SPACE" -> "a space where none may be (a header name, or a line without a colon)";
            default -> "an illegal character (" + found.group(2) + ")";
          };
    }
    return inRequestLine
        ? "Malformed request line: it holds "
            + what
            + "; percent-encode such characters in the path and query"
        : "Malformed header: a header holds "
            + what
            + "; a header name is a token, and a value holds visible characters, spaces and tabs"
            + " only";
  }

  /** Jetty's "0x1" as "0x01". */
  private static String hex(String jetty) {
    try {
      return String.format("0x%02X", Integer.parseInt(jetty.replace("0x", ""), 16));
    } catch (NumberFormatException notHex) {
      return jetty;
    }
  }

  private static String escape(String where) {
    return "Malformed "
        + where
        + ": an invalid percent-escape (a % must be followed by two hexadecimal digits)";
  }
}
