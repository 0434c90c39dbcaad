package dev.worldsapi.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.worldsapi.client.internal.http.CallPipeline;
import dev.worldsapi.client.internal.http.ClientObjectMapper;
import dev.worldsapi.client.internal.http.DeadlineClient;
import dev.worldsapi.client.internal.http.GzipClient;
import dev.worldsapi.client.internal.http.Http1Transport;
import dev.worldsapi.client.internal.http.LoggingClient;
import dev.worldsapi.client.internal.http.RequestHeadersClient;
import dev.worldsapi.client.internal.http.Telemetry;
import dev.worldsapi.client.retry.RetryPolicy;
import dev.worldsapi.client.retry.Sleeper;
import feign.Client;
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.Retryer;
import feign.jackson.JacksonEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The entry point of the Worlds jobs API client. Immutable and thread-safe: build one and share it.
 *
 * <pre>{@code
 * WorldsClient client = WorldsClient.builder()
 *     .baseUrl("http://localhost:8080")
 *     .tokenSupplier(() -> System.getenv("WORLDS_TOKEN"))
 *     .workspace("demo", "sandbox")
 *     .build();
 * WorldJob job = client.manifests().create(CreateWorldManifestRequest.builder().preset(PresetEnum.SMALL).build());
 * WorldJob done = client.jobs().waitFor(job.id());
 * }</pre>
 *
 * <p>The resource accessors ({@link #jobs()}, {@link #manifests()}, {@link #trajectories()}, one
 * for each resource of the spec) act in the workspace set with {@link Builder#workspace(String,
 * String)}; {@link #workspace(String, String)} reaches any other.
 */
public final class WorldsClient extends DefaultWorkspaceResources {

  private final Builder settings;
  private final ClientCore core;
  private final @Nullable WorldsWorkspace defaultWorkspace;

  private WorldsClient(Builder settings) {
    this.settings = settings.copy();
    ObjectMapper mapper = ClientObjectMapper.create();
    Client transport =
        settings.httpClient != null
            // The default transport bounds the whole response itself; any other gets the same
            // bound.
            ? new DeadlineClient(settings.httpClient)
            : new Http1Transport(settings.connectTimeout, settings.proxy);
    Client stack =
        CallPipeline.clientStack(
            new RequestHeadersClient(
                new LoggingClient(new GzipClient(transport), settings.logLevel),
                settings.tokenSupplier,
                settings.userAgent));
    Request.Options timeouts =
        new Request.Options(
            settings.connectTimeout.toMillis(),
            TimeUnit.MILLISECONDS,
            settings.readTimeout.toMillis(),
            TimeUnit.MILLISECONDS,
            false);
    Feign.Builder feign =
        Feign.builder()
            .client(stack)
            .encoder(new JacksonEncoder(mapper))
            // Retries happen in the CallPipeline, under the policy; Feign must not add its own.
            .retryer(Retryer.NEVER_RETRY)
            .logLevel(Logger.Level.NONE)
            .options(timeouts);
    CallPipeline pipeline =
        new CallPipeline(
            settings.retryPolicy,
            settings.clock,
            settings.sleeper,
            timeouts,
            mapper,
            Telemetry.of(settings.openTelemetry));
    this.core =
        new ClientCore(
            feign,
            settings.baseUrl,
            pipeline,
            new AsyncRunner(settings.asyncExecutor, settings.sleeper),
            settings.clock,
            settings.sleeper);
    this.defaultWorkspace = defaultWorkspace(this.settings, core);
  }

  /** A variant sharing {@code base}'s connections and settings, with these call options. */
  private WorldsClient(WorldsClient base, RequestOptions defaults) {
    this.settings = base.settings;
    this.core = base.core.withDefaults(defaults);
    this.defaultWorkspace = defaultWorkspace(settings, core);
  }

  /**
   * The default workspace's operations as futures; see {@link WorldsAsyncClient}.
   *
   * @throws IllegalStateException when the builder set no default workspace
   */
  public WorldsAsyncClient async() {
    return new WorldsAsyncClient(defaultWorkspace(), core);
  }

  /** Another workspace's operations as futures. */
  public WorldsAsyncClient async(String org, String workspace) {
    return new WorldsAsyncClient(workspace(org, workspace), core);
  }

  private static @Nullable WorldsWorkspace defaultWorkspace(Builder settings, ClientCore core) {
    return settings.org == null
        ? null
        : new WorldsWorkspace(core, settings.org, settings.workspace);
  }

  /**
   * A client for the same API, sharing this one's connections, that applies these options to every
   * call (a call's own options add to and override them).
   *
   * <pre>{@code
   * WorldsClient traced = client.withOptions(RequestOptions.builder().header("X-Trace-Id", id).build());
   * }</pre>
   *
   * @throws IllegalArgumentException for an idempotency key, which belongs to one create
   */
  public WorldsClient withOptions(RequestOptions options) {
    if (options.idempotencyKey().isPresent()) {
      throw new IllegalArgumentException(
          "an idempotency key belongs to one create: pass it with that call's options");
    }
    return new WorldsClient(this, core.defaults().merge(options));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this client's settings, to build a variant. */
  public Builder toBuilder() {
    return settings.copy();
  }

  /** The API in another organization and workspace, with this client's settings. */
  public WorldsWorkspace workspace(String org, String workspace) {
    return new WorldsWorkspace(core, org, workspace);
  }

  /**
   * @throws IllegalStateException when the builder set no default workspace
   */
  @Override
  public WorldsWorkspace defaultWorkspace() {
    if (defaultWorkspace == null) {
      throw new IllegalStateException(
          "no default workspace: set one with WorldsClient.builder().workspace(org, workspace),"
              + " or call client.workspace(org, workspace)");
    }
    return defaultWorkspace;
  }

  public String baseUrl() {
    return settings.baseUrl;
  }

  /** Describes the client without its token. */
  @Override
  public String toString() {
    return "WorldsClient{baseUrl="
        + settings.baseUrl
        + (settings.org == null ? "" : ", workspace=" + settings.org + "/" + settings.workspace)
        + ", retryPolicy="
        + settings.retryPolicy
        + ", logLevel="
        + settings.logLevel
        + '}';
  }

  /**
   * Settings of a {@link WorldsClient}. Not thread-safe; {@link #build()} copies what it needs, so
   * a builder can be changed and built again.
   */
  public static final class Builder {

    private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

    private @Nullable String baseUrl;
    private @Nullable Supplier<String> tokenSupplier;
    private @Nullable String org;
    private @Nullable String workspace;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private String userAgent = defaultUserAgent();
    private LogLevel logLevel = LogLevel.NONE;
    private @Nullable Client httpClient;
    private @Nullable ProxySelector proxy;
    private @Nullable Executor asyncExecutor;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    // An io.opentelemetry.api.OpenTelemetry, held as Object so that the builder loads without the
    // (optional) OpenTelemetry API.
    private @Nullable Object openTelemetry;

    private Builder() {}

    /**
     * Where the API is: scheme, host, optional port and optional path prefix, without credentials,
     * query or fragment; a trailing slash is ignored. Required.
     *
     * <p>Operations add their full path, {@code /api/v1/org/...}, to it: pass {@code
     * https://worlds.example.org}, not {@code https://worlds.example.org/api/v1}.
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    /** A fixed bearer token. This or {@link #tokenSupplier(Supplier)} is required. */
    public Builder token(String token) {
      if (token == null || token.isBlank()) {
        throw new IllegalArgumentException("token must not be blank");
      }
      this.tokenSupplier = () -> token;
      return this;
    }

    /**
     * Where to get the bearer token; asked before every attempt, so it may refresh an expiring
     * token. It must be thread-safe and return a non-blank token.
     */
    public Builder tokenSupplier(Supplier<String> tokenSupplier) {
      this.tokenSupplier = tokenSupplier;
      return this;
    }

    /**
     * The organization and workspace that {@code jobs()}, {@code manifests()} and {@code
     * trajectories()} act in.
     */
    public Builder workspace(String org, String workspace) {
      this.org = Arguments.slug("org", org);
      this.workspace = Arguments.slug("workspace", workspace);
      return this;
    }

    /** How long to wait for a connection. Default 10 s. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
      return this;
    }

    /** How long to wait for a whole response after sending a request, per attempt. Default 60 s. */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = readTimeout;
      return this;
    }

    /** When to retry; see {@link RetryPolicy}. Default {@link RetryPolicy#defaults()}. */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = retryPolicy;
      return this;
    }

    /** Shorthand for a default retry policy with this many retries; 0 disables retrying. */
    public Builder maxRetries(int maxRetries) {
      this.retryPolicy = retryPolicy.toBuilder().maxRetries(maxRetries).build();
      return this;
    }

    /** The {@code User-Agent} header. Default {@code worlds-api-java/<version>}. */
    public Builder userAgent(String userAgent) {
      this.userAgent = userAgent;
      return this;
    }

    /** What to log of each HTTP attempt. Default {@link LogLevel#NONE}. */
    public Builder logLevel(LogLevel logLevel) {
      this.logLevel = logLevel;
      return this;
    }

    /**
     * The Feign transport to use instead of the built-in HTTP/1.1 one (for example OkHttp's, from
     * {@code feign-okhttp}). Its own timeouts apply, and {@link #readTimeout(Duration)} still
     * bounds each whole response, body included: the body is read into memory within it.
     */
    public Builder httpClient(Client httpClient) {
      this.httpClient = httpClient;
      return this;
    }

    /**
     * Sends every request through this HTTP proxy, e.g. {@code proxy("proxy.internal", 3128)}.
     * Default: none (the JDK's default proxy settings do not apply either). Applies to the default
     * transport; with {@link #httpClient(Client)}, set the proxy on that client instead.
     */
    public Builder proxy(String host, int port) {
      if (host == null || host.isBlank() || port < 1 || port > 65_535) {
        throw new IllegalArgumentException(
            "proxy needs a host and a port from 1 to 65535, got " + host + ":" + port);
      }
      return proxy(ProxySelector.of(InetSocketAddress.createUnresolved(host.strip(), port)));
    }

    /** Chooses a proxy per request, e.g. {@link ProxySelector#getDefault()} for the JVM's. */
    public Builder proxy(ProxySelector proxy) {
      this.proxy = proxy;
      return this;
    }

    /**
     * Runs the calls of {@link WorldsClient#async()}. Default: daemon threads of the client's own,
     * made when first needed.
     */
    public Builder asyncExecutor(Executor asyncExecutor) {
      this.asyncExecutor = asyncExecutor;
      return this;
    }

    /** The clock for {@code Retry-After} dates and wait deadlines. Default: the system clock. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * How the client waits between retries and polls, the async waiter's included. Default: {@link
     * Sleeper#SYSTEM} (the async waiter then schedules its polls on a timer, holding no thread
     * between them).
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    /**
     * Traces and measures the client's calls with {@code openTelemetry}: a span per call named
     * after its operation, a CLIENT span per attempt (the HTTP semantic conventions) with the trace
     * context sent along, and the {@code http.client.request.duration} and {@code
     * worlds.client.call.duration} histograms. Default: the global OpenTelemetry (the Java agent's
     * when it runs) if the OpenTelemetry API is on the classpath, else nothing. Needs {@code
     * io.opentelemetry:opentelemetry-api}, which the client does not bring.
     */
    public Builder openTelemetry(io.opentelemetry.api.OpenTelemetry openTelemetry) {
      Arguments.required("openTelemetry", "openTelemetry", openTelemetry);
      this.openTelemetry = openTelemetry;
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the first setting that is missing or invalid
     */
    public WorldsClient build() {
      this.baseUrl = normalizedBaseUrl(baseUrl);
      if (tokenSupplier == null) {
        throw new IllegalArgumentException(
            "a token is required: call token(...) or tokenSupplier(...)");
      }
      requirePositive("connectTimeout", connectTimeout);
      requirePositive("readTimeout", readTimeout);
      requireSet("retryPolicy", retryPolicy);
      requireSet("logLevel", logLevel);
      requireSet("clock", clock);
      requireSet("sleeper", sleeper);
      if (proxy != null && httpClient != null) {
        throw new IllegalArgumentException(
            "proxy applies to the default transport; set the proxy on the httpClient(...) you"
                + " pass instead");
      }
      if (userAgent == null
          || userAgent.isBlank()
          || userAgent.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
        throw new IllegalArgumentException("userAgent must be non-blank printable text");
      }
      return new WorldsClient(this);
    }

    private Builder copy() {
      Builder copy = new Builder();
      copy.baseUrl = baseUrl;
      copy.tokenSupplier = tokenSupplier;
      copy.org = org;
      copy.workspace = workspace;
      copy.connectTimeout = connectTimeout;
      copy.readTimeout = readTimeout;
      copy.retryPolicy = retryPolicy;
      copy.userAgent = userAgent;
      copy.logLevel = logLevel;
      copy.httpClient = httpClient;
      copy.proxy = proxy;
      copy.asyncExecutor = asyncExecutor;
      copy.clock = clock;
      copy.sleeper = sleeper;
      copy.openTelemetry = openTelemetry;
      return copy;
    }

    private static String normalizedBaseUrl(@Nullable String baseUrl) {
      if (baseUrl == null || baseUrl.isBlank()) {
        throw new IllegalArgumentException("baseUrl is required, e.g. http://localhost:8080");
      }
      URI uri;
      try {
        uri = new URI(baseUrl.strip());
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("baseUrl is not a valid URL: " + e.getReason());
      }
      String scheme =
          uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new IllegalArgumentException(
            "baseUrl must start with http:// or https://, got " + uri.getScheme() + ":");
      }
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("baseUrl must name a host, e.g. http://localhost:8080");
      }
      if (uri.getRawUserInfo() != null) {
        throw new IllegalArgumentException(
            "baseUrl must not contain credentials; pass the token with token(...) or tokenSupplier(...)");
      }
      if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
        throw new IllegalArgumentException("baseUrl must not have a query or fragment");
      }
      String url = uri.toString();
      while (url.endsWith("/")) {
        url = url.substring(0, url.length() - 1);
      }
      int api = ("/" + url.substring(url.indexOf("//") + 2) + "/").indexOf("/api/v1/");
      if (api >= 0) {
        throw new IllegalArgumentException(
            "baseUrl must not contain the API path: every operation adds /api/v1/org/... itself,"
                + " so pass "
                + url.substring(0, url.indexOf("//") + 2 + api - 1)
                + ", not "
                + url);
      }
      return url;
    }

    private static void requirePositive(String name, @Nullable Duration value) {
      if (value == null || value.isZero() || value.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, got " + value);
      }
    }

    private static void requireSet(String name, @Nullable Object value) {
      if (value == null) {
        throw new IllegalArgumentException(name + " must not be null");
      }
    }

    private static String defaultUserAgent() {
      Properties properties = new Properties();
      try (InputStream in = WorldsClient.class.getResourceAsStream("worlds-client.properties")) {
        if (in != null) {
          properties.load(in);
        }
      } catch (IOException ignored) {
        // The version is informational; an unreadable resource only makes it "unknown".
      }
      return "worlds-api-java/" + properties.getProperty("version", "unknown");
    }
  }
}
