package dev.worldsapi.client.errors;

import dev.worldsapi.client.model.ErrorEnvelope;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What the server answered with a non-2xx status: the status, the response headers, the canonical
 * error envelope when the body was one, and the body as text in every case.
 *
 * @param method the HTTP method of the request, e.g. {@code GET}
 * @param path the request's path and query, without scheme, host or credentials
 * @param status the HTTP status
 * @param headers response headers; names are case-insensitive
 * @param envelope the parsed error envelope, or {@code null} when the body was not one (an empty
 *     body, truncated JSON, a proxy's HTML page)
 * @param rawBody the body as received (UTF-8), empty when there was none
 */
public record ErrorResponse(
    String method,
    String path,
    int status,
    Map<String, List<String>> headers,
    @Nullable ErrorEnvelope envelope,
    String rawBody) {

  public ErrorResponse {
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    headers = Collections.unmodifiableMap(copy);
  }

  /** The first value of a response header, matched case-insensitively. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
