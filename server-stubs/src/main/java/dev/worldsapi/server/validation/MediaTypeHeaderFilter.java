package dev.worldsapi.server.validation;

import dev.worldsapi.server.Pipeline;
import dev.worldsapi.server.errors.ErrorResponses;
import dev.worldsapi.server.errors.ErrorTypes;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;

/**
 * Answers a malformed {@code Content-Type} or {@code Accept} with a 400 envelope before the JAX-RS
 * runtime parses it: a runtime that fails to parse one answers a bare 400 of its own, with no body
 * and no content type, on every operation. A header is malformed when RFC 9110's grammar refuses it
 * or the runtime's own parser does.
 */
@PreMatching
@Priority(Pipeline.MEDIA_TYPE_HEADERS)
public final class MediaTypeHeaderFilter implements ContainerRequestFilter {

  /**
   * The request property (on a servlet container, the request attribute) in which {@link
   * MalformedMediaTypeServletFilter} names a malformed header it hid from the implementation.
   */
  public static final String MALFORMED_HEADER = "dev.worldsapi.server.malformedHeader";

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getProperty(MALFORMED_HEADER) instanceof String header) {
      reject(request, header);
      return;
    }
    List<String> contentTypes = request.getHeaders().get(HttpHeaders.CONTENT_TYPE);
    if (contentTypes != null && !contentTypes.isEmpty()) {
      if (contentTypes.size() > 1
          || !isMediaType(contentTypes.get(0))
          || !runtimeReads(request, true)) {
        reject(request, "Content-Type");
        return;
      }
    }
    List<String> accepts = request.getHeaders().get(HttpHeaders.ACCEPT);
    if (accepts != null) {
      for (String accept : accepts) {
        if (!isAccept(accept)) {
          reject(request, "Accept");
          return;
        }
      }
      if (!runtimeReads(request, false)) {
        reject(request, "Accept");
      }
    }
  }

  private static void reject(ContainerRequestContext request, String header) {
    request.abortWith(
        ErrorResponses.envelope(
            400, ErrorTypes.of(400), "Invalid request: the " + header + " header is malformed"));
  }

  private static boolean runtimeReads(ContainerRequestContext request, boolean contentType) {
    try {
      if (contentType) {
        request.getMediaType();
      } else {
        request.getAcceptableMediaTypes();
      }
      return true;
    } catch (RuntimeException unparseable) {
      return false;
    }
  }

  /** {@code type "/" subtype *( OWS ";" OWS [ parameter ] )}. */
  static boolean isMediaType(String value) {
    Cursor cursor = new Cursor(value.strip());
    return mediaRange(cursor, false) && cursor.atEnd();
  }

  /** {@code #( media-range [ weight ] )}: a comma-separated list, possibly empty. */
  static boolean isAccept(String value) {
    Cursor cursor = new Cursor(value.strip());
    while (!cursor.atEnd()) {
      cursor.skipSpaces();
      if (cursor.peek() == ',') {
        cursor.next();
        continue;
      }
      if (!mediaRange(cursor, true)) {
        return false;
      }
      cursor.skipSpaces();
      if (!cursor.atEnd() && cursor.next() != ',') {
        return false;
      }
    }
    return true;
  }

  private static boolean mediaRange(Cursor cursor, boolean wildcards) {
    String type = cursor.token();
    if (type.isEmpty() || cursor.atEnd() || cursor.next() != '/') {
      return false;
    }
    String subtype = cursor.token();
    if (subtype.isEmpty()) {
      return false;
    }
    if (!wildcards && (type.equals("*") || subtype.equals("*"))) {
      return false;
    }
    while (true) {
      int mark = cursor.position;
      cursor.skipSpaces();
      if (cursor.atEnd() || cursor.peek() != ';') {
        cursor.position = mark;
        return true;
      }
      cursor.next();
      cursor.skipSpaces();
      if (cursor.atEnd() || cursor.peek() == ';' || cursor.peek() == ',') {
        continue;
      }
      if (cursor.token().isEmpty() || cursor.atEnd() || cursor.next() != '=') {
        return false;
      }
      if (!cursor.atEnd() && cursor.peek() == '"') {
        if (!cursor.quotedString()) {
          return false;
        }
      } else if (cursor.token().isEmpty()) {
        return false;
      }
    }
  }

  private static final class Cursor {
    private static final String TCHAR_SYMBOLS = "!#$%&'*+-.^_`|~";
    private final String text;
    private int position;

    Cursor(String text) {
      this.text = text;
    }

    boolean atEnd() {
      return position >= text.length();
    }

    char peek() {
      return text.charAt(position);
    }

    char next() {
      return text.charAt(position++);
    }

    void skipSpaces() {
      while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
        position++;
      }
    }

    String token() {
      int start = position;
      while (!atEnd() && isTchar(peek())) {
        position++;
      }
      return text.substring(start, position);
    }

    boolean quotedString() {
      position++;
      while (!atEnd()) {
        char c = next();
        if (c == '"') {
          return true;
        }
        if (c == '\\') {
          if (atEnd()) {
            return false;
          }
          next();
        } else if (c < 0x20 && c != '\t' || c == 0x7f) {
          return false;
        }
      }
      return false;
    }

    private static boolean isTchar(char c) {
      return c < 0x80 && (Character.isLetterOrDigit(c) || TCHAR_SYMBOLS.indexOf(c) >= 0);
    }
  }
}
