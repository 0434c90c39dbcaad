package dev.worldsapi.client;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A successful answer with what came with it: the status, the headers, the request id and how many
 * attempts the call made, next to the parsed body. Failures are thrown as for any call. Immutable.
 *
 * <pre>{@code
 * RawResponse<WorldJob> raw = client.jobs().withRawResponse().get(jobId);
 * log.info("{} after {} attempts, request {}", raw.status(), raw.attempts(), raw.requestId().orElse("-"));
 * WorldJob job = raw.parse();
 * }</pre>
 *
 * @param <T> the parsed body's type
 */
public final class RawResponse<T> {

  private final int status;
  private final Map<String, List<String>> headers;
  private final int attempts;
  private final T body;

  RawResponse(int status, Map<String, List<String>> headers, int attempts, T body) {
    this.status = status;
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    this.headers = Collections.unmodifiableMap(copy);
    this.attempts = attempts;
    this.body = body;
  }

  public int status() {
    return status;
  }

  /** The response headers; names are case-insensitive. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The first value of a header. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The server's {@code X-Request-Id}, for matching a report to its log, when it sent one. */
  public Optional<String> requestId() {
    return header("X-Request-Id");
  }

  /** How many requests the call sent, retries included. */
  public int attempts() {
    return attempts;
  }

  /** The body, parsed. */
  public T parse() {
    return body;
  }

  @Override
  public String toString() {
    return "RawResponse{status=" + status + ", attempts=" + attempts + '}';
  }
}
