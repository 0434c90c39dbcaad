package dev.worldsapi.testkit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A request the server received, as it answered it. Immutable.
 *
 * @param method the HTTP method
 * @param path the path as sent, e.g. {@code /api/v1/org/demo/ws/sandbox/worlds/jobs}
 * @param query the raw query string, or {@code ""}
 * @param headers every header, names in lower case
 * @param operation the operation it was routed to; empty for a path that is none
 * @param status the status answered; 0 when a {@link Fault#dropConnection()} closed the connection
 * @param body the body of a request that passed the spec's checks; empty otherwise
 */
public record ReceivedRequest(
    String method,
    String path,
    String query,
    Map<String, List<String>> headers,
    Optional<Operation> operation,
    int status,
    byte[] body) {

  public ReceivedRequest {
    headers = Map.copyOf(headers);
    body = body.clone();
  }

  static ReceivedRequest of(dev.worldsapi.reference.controls.ReceivedRequest received) {
    return new ReceivedRequest(
        received.method(),
        received.path(),
        received.query(),
        received.headers(),
        received.operation().map(operation -> Operation.valueOf(operation.name())),
        received.status(),
        received.body());
  }

  /** The first value of a header, by name in any case. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The body as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** Whether the request was to this operation. */
  public boolean isTo(Operation operation) {
    return this.operation.filter(operation::equals).isPresent();
  }

  /**
   * Method, path, status and headers; the values of {@code Authorization} and {@code
   * Proxy-Authorization} are left out.
   */
  @Override
  public String toString() {
    StringBuilder text =
        new StringBuilder(method)
            .append(' ')
            .append(path)
            .append(query.isEmpty() ? "" : "?" + query)
            .append(" -> ")
            .append(status == 0 ? "dropped" : String.valueOf(status))
            .append(" {");
    String separator = "";
    for (Map.Entry<String, List<String>> header : new java.util.TreeMap<>(headers).entrySet()) {
      text.append(separator)
          .append(header.getKey())
          .append(": ")
          .append(header.getKey().endsWith("authorization") ? "(redacted)" : header.getValue());
      separator = ", ";
    }
    return text.append('}').toString();
  }
}
