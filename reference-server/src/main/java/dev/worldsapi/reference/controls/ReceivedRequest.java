package dev.worldsapi.reference.controls;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

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
    Map<String, List<String>> lower = new TreeMap<>();
    headers.forEach(
        (name, values) ->
            lower
                .computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new java.util.ArrayList<>())
                .addAll(values));
    lower.replaceAll((name, values) -> List.copyOf(values));
    headers = Collections.unmodifiableMap(lower);
    body = body.clone();
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
    return method
        + " "
        + path
        + (query.isEmpty() ? "" : "?" + query)
        + " -> "
        + (status == 0 ? "dropped" : status)
        + " "
        + headers.entrySet().stream()
            .map(
                e ->
                    e.getKey()
                        + ": "
                        + (e.getKey().endsWith("authorization") ? "(redacted)" : e.getValue()))
            .collect(Collectors.joining(", ", "{", "}"));
  }
}
