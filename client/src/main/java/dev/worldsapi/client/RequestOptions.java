package dev.worldsapi.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * Settings for one call, passed as every operation's last argument, or for every call of a derived
 * client ({@link WorldsClient#withOptions(RequestOptions)}). What is not set here comes from the
 * client. Immutable and thread-safe.
 *
 * <pre>{@code
 * WorldJob job = client.jobs().get(id, RequestOptions.builder()
 *     .timeout(Duration.ofSeconds(5))
 *     .header("X-Trace-Id", traceId)
 *     .maxRetries(0)
 *     .build());
 * }</pre>
 */
public final class RequestOptions {

  private static final RequestOptions NONE = new RequestOptions(new Builder());

  private final @Nullable Duration timeout;
  private final Map<String, String> headers;
  private final Map<String, List<String>> queryParams;
  private final @Nullable Integer maxRetries;
  private final @Nullable String idempotencyKey;

  private RequestOptions(Builder builder) {
    this.timeout = builder.timeout;
    this.headers = Map.copyOf(builder.headers);
    Map<String, List<String>> query = new LinkedHashMap<>();
    builder.queryParams.forEach((name, values) -> query.put(name, List.copyOf(values)));
    this.queryParams = java.util.Collections.unmodifiableMap(query);
    this.maxRetries = builder.maxRetries;
    this.idempotencyKey = builder.idempotencyKey;
  }

  /** No settings: every one comes from the client. */
  public static RequestOptions none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.timeout = timeout;
    builder.headers.putAll(headers);
    queryParams.forEach((name, values) -> builder.queryParams.put(name, new ArrayList<>(values)));
    builder.maxRetries = maxRetries;
    builder.idempotencyKey = idempotencyKey;
    return builder;
  }

  /**
   * These options with {@code other}'s settings where it has them: its timeout, retries and key
   * win, its headers replace these of the same name, its query parameters are added.
   */
  public RequestOptions merge(RequestOptions other) {
    if (other == NONE) {
      return this;
    }
    if (this == NONE) {
      return other;
    }
    Builder merged = toBuilder();
    if (other.timeout != null) {
      merged.timeout = other.timeout;
    }
    merged.headers.putAll(other.headers);
    other.queryParams.forEach(
        (name, values) ->
            merged.queryParams.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
    if (other.maxRetries != null) {
      merged.maxRetries = other.maxRetries;
    }
    if (other.idempotencyKey != null) {
      merged.idempotencyKey = other.idempotencyKey;
    }
    return new RequestOptions(merged);
  }

  /** The bound on each attempt's whole response, instead of the client's read timeout. */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /** Headers to send besides the client's, by name. */
  public Map<String, String> headers() {
    return headers;
  }

  /** Query parameters to add to the operation's own. */
  public Map<String, List<String>> queryParams() {
    return queryParams;
  }

  /** Retries instead of the client's policy's; 0 for none. */
  public OptionalInt maxRetries() {
    return maxRetries == null ? OptionalInt.empty() : OptionalInt.of(maxRetries);
  }

  /** The {@code Idempotency-Key} of a create, instead of a fresh one. */
  public Optional<String> idempotencyKey() {
    return Optional.ofNullable(idempotencyKey);
  }

  @Override
  public String toString() {
    // Header values may be credentials of the caller's own: names only.
    return "RequestOptions{timeout="
        + timeout
        + ", headers="
        + headers.keySet()
        + ", queryParams="
        + queryParams.keySet()
        + ", maxRetries="
        + maxRetries
        + ", idempotencyKey="
        + (idempotencyKey == null ? "none" : "set")
        + '}';
  }

  /** Not thread-safe; {@link #build()} copies what it has. */
  public static final class Builder {

    private static final java.util.Set<String> CLIENT_HEADERS =
        java.util.Set.of("authorization", "host", "content-length", "idempotency-key");

    private @Nullable Duration timeout;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, List<String>> queryParams = new LinkedHashMap<>();
    private @Nullable Integer maxRetries;
    private @Nullable String idempotencyKey;

    private Builder() {}

    /** Bounds each attempt's whole response, body included. */
    public Builder timeout(Duration timeout) {
      if (timeout == null || timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("timeout must be positive, got " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Sends this header too, replacing one of the same name. The token is the client's ({@code
     * token(...)}), the key {@link #idempotencyKey(String)}'s.
     */
    public Builder header(String name, String value) {
      if (name == null || !name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
        throw new IllegalArgumentException("header name must be an HTTP token, got " + name);
      }
      if (CLIENT_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(
            name
                + " is set by the client: the token with token(...), the key with"
                + " idempotencyKey(...)");
      }
      if (value == null || value.chars().anyMatch(c -> c == '\r' || c == '\n')) {
        throw new IllegalArgumentException("header " + name + " needs a value without line breaks");
      }
      headers.put(name, value);
      return this;
    }

    /** Adds a query parameter, e.g. one a gateway in front of the API needs. */
    public Builder queryParam(String name, String value) {
      if (name == null || name.isEmpty() || value == null) {
        throw new IllegalArgumentException("a query parameter needs a name and a value");
      }
      queryParams.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      return this;
    }

    /** Retries for this call; 0 for none. */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries must be 0 or more, got " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * The {@code Idempotency-Key} of a create, e.g. one derived from the caller's own request id,
     * so that the create stays idempotent across the caller's own retries too.
     */
    public Builder idempotencyKey(String key) {
      if (key == null
          || key.isEmpty()
          || key.length() > 255
          || key.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
        throw new IllegalArgumentException(
            "idempotencyKey must be 1 to 255 visible ASCII characters");
      }
      this.idempotencyKey = key;
      return this;
    }

    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }
}
