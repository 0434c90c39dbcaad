package dev.worldsapi.reference;

import dev.worldsapi.server.json.JsonLimits;
import dev.worldsapi.server.ratelimit.RateLimit;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * How the reference server runs: from command-line flags, then environment variables, then the
 * embedded defaults. Immutable.
 *
 * @param host the address to listen on: {@code 127.0.0.1} unless the server is to be reached from
 *     other machines
 * @param port TCP port; 0 picks a free one
 * @param token the one bearer token the server accepts
 * @param seed whether to start with the demo jobs
 * @param workerStep how often the simulated worker advances each job; zero means never on its own
 *     (jobs stay where they are until {@link JobWorker#step()} is called)
 * @param testMode whether the test controls are served ({@code POST /_pact/provider-states}): for
 *     contract tests only, never in production
 * @param maxRequestBodyBytes the largest request body read; a larger one is answered 413
 * @param maxJobsPerWorkspace how many jobs a workspace keeps; past that the oldest that have ended
 *     go first
 * @param shutdownGrace how long a stop lets requests in flight finish
 * @param connectionLimits how long and how large a request may be before the HTTP engine gives up
 *     on it
 * @param traces where the server's spans go: nowhere of its own (the Java agent may still trace
 *     it), or printed as log lines
 * @param rateLimit each caller's limit on requests, or {@code null} for none (the default)
 */
public record ServerOptions(
    String host,
    int port,
    String token,
    boolean seed,
    Duration workerStep,
    boolean testMode,
    long maxRequestBodyBytes,
    int maxJobsPerWorkspace,
    Duration shutdownGrace,
    ConnectionLimits connectionLimits,
    Traces traces,
    RateLimit rateLimit) {

  /** Where the server's own spans go. */
  public enum Traces {
    /** Nowhere of the server's own; under the Java agent, the agent's. */
    NONE,
    /** Printed, one log line a span ({@code --otel-exporter=logging}). */
    LOGGING
  }

  /** How long a stop lets requests in flight finish unless told otherwise. */
  public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);

  /** With the default limits and grace. */
  public ServerOptions(
      String host, int port, String token, boolean seed, Duration workerStep, boolean testMode) {
    this(
        host,
        port,
        token,
        seed,
        workerStep,
        testMode,
        JsonLimits.DEFAULT_MAX_BODY_BYTES,
        JobStore.DEFAULT_MAX_JOBS_PER_WORKSPACE,
        DEFAULT_SHUTDOWN_GRACE,
        ConnectionLimits.DEFAULTS,
        Traces.NONE,
        null);
  }

  /** On loopback, without test controls. */
  public ServerOptions(int port, String token, boolean seed, Duration workerStep) {
    this(DEFAULT_HOST, port, token, seed, workerStep, false);
  }

  /** The same options with the test controls on or off. */
  public ServerOptions withTestMode(boolean on) {
    return toBuilder().testMode(on).build();
  }

  /** The same options with another limit on request bodies. */
  public ServerOptions withMaxRequestBodyBytes(long bytes) {
    return toBuilder().maxRequestBodyBytes(bytes).build();
  }

  /** The same options with the server's spans going elsewhere. */
  public ServerOptions withTraces(Traces traces) {
    return toBuilder().traces(traces).build();
  }

  /** The same options with other connection limits. */
  public ServerOptions withConnectionLimits(ConnectionLimits limits) {
    return toBuilder().connectionLimits(limits).build();
  }

  /**
   * Options from the embedded defaults (loopback, port {@value #DEFAULT_PORT}, the development
   * token, the demo jobs, the worker stepping every second, no test controls), each one changed by
   * name: {@code ServerOptions.builder().port(0).testMode(true).build()}.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.host = host;
    builder.port = port;
    builder.token = token;
    builder.seed = seed;
    builder.workerStep = workerStep;
    builder.testMode = testMode;
    builder.maxRequestBodyBytes = maxRequestBodyBytes;
    builder.maxJobsPerWorkspace = maxJobsPerWorkspace;
    builder.shutdownGrace = shutdownGrace;
    builder.connectionLimits = connectionLimits;
    builder.traces = traces;
    builder.rateLimit = rateLimit;
    return builder;
  }

  /** Builds {@link ServerOptions} by name; see {@link ServerOptions#builder()}. */
  public static final class Builder {
    private String host = DEFAULT_HOST;
    private int port = DEFAULT_PORT;
    private String token = DEFAULT_TOKEN;
    private boolean seed = true;
    private Duration workerStep = DEFAULT_WORKER_STEP;
    private boolean testMode;
    private long maxRequestBodyBytes = JsonLimits.DEFAULT_MAX_BODY_BYTES;
    private int maxJobsPerWorkspace = JobStore.DEFAULT_MAX_JOBS_PER_WORKSPACE;
    private Duration shutdownGrace = DEFAULT_SHUTDOWN_GRACE;
    private ConnectionLimits connectionLimits = ConnectionLimits.DEFAULTS;
    private Traces traces = Traces.NONE;
    private RateLimit rateLimit;

    private Builder() {}

    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /** 0 picks a free port. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder token(String token) {
      this.token = token;
      return this;
    }

    public Builder seed(boolean seed) {
      this.seed = seed;
      return this;
    }

    /** Zero: jobs move only when told to. */
    public Builder workerStep(Duration workerStep) {
      this.workerStep = workerStep;
      return this;
    }

    public Builder testMode(boolean testMode) {
      this.testMode = testMode;
      return this;
    }

    public Builder maxRequestBodyBytes(long maxRequestBodyBytes) {
      this.maxRequestBodyBytes = maxRequestBodyBytes;
      return this;
    }

    public Builder maxJobsPerWorkspace(int maxJobsPerWorkspace) {
      this.maxJobsPerWorkspace = maxJobsPerWorkspace;
      return this;
    }

    public Builder shutdownGrace(Duration shutdownGrace) {
      this.shutdownGrace = shutdownGrace;
      return this;
    }

    public Builder connectionLimits(ConnectionLimits connectionLimits) {
      this.connectionLimits = connectionLimits;
      return this;
    }

    public Builder traces(Traces traces) {
      this.traces = traces;
      return this;
    }

    /** {@code null}: no limit. */
    public Builder rateLimit(RateLimit rateLimit) {
      this.rateLimit = rateLimit;
      return this;
    }

    public ServerOptions build() {
      return new ServerOptions(
          host,
          port,
          token,
          seed,
          workerStep,
          testMode,
          maxRequestBodyBytes,
          maxJobsPerWorkspace,
          shutdownGrace,
          connectionLimits,
          traces,
          rateLimit);
    }
  }

  /** Loopback only: a server with a well-known token is not for other machines by default. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  public static final int DEFAULT_PORT = 8080;

  /** The development token. Not a secret: it only opens this in-memory demo server. */
  public static final String DEFAULT_TOKEN = "dev-token";

  public static final Duration DEFAULT_WORKER_STEP = Duration.ofSeconds(1);

  /** What {@code --help} prints, made from the options' declarations. */
  public static final String HELP = new CommandLine(new Flags()).getUsageMessage();

  /**
   * The options as given on the command line: {@code --port 8080} and {@code --port=8080} alike.
   * Values stay text here and are checked in {@link #parse}, which knows whether a value came from
   * a flag or from the environment and names that source when refusing it.
   */
  @Command(
      name = "java -jar worlds-reference-server.jar",
      description = "An in-memory Worlds jobs API server for development and tests.",
      sortOptions = false,
      usageHelpWidth = 100,
      headerHeading = "",
      synopsisHeading = "Usage: ",
      customSynopsis = "java -jar worlds-reference-server.jar [options]",
      descriptionHeading = "%n",
      optionListHeading =
          "%nOptions (a value follows = or a space: --port=8080 or --port 8080; each option is also"
              + " read%nfrom the environment variable in brackets, and a flag wins):%n",
      footerHeading = "%n",
      footer = {
        "Seeded: organization \"demo\" with workspace \"sandbox\" (open to the token's caller) and",
        "workspace \"restricted\" (answers 403). Docs at /docs, the spec at /openapi.yaml."
      })
  static final class Flags {
    @Option(
        names = "--host",
        paramLabel = "ADDRESS",
        description =
            "address to listen on; 0.0.0.0 for every interface, to be reached from elsewhere"
                + " [WORLDS_HOST, default 127.0.0.1]")
    String host;

    @Option(
        names = "--port",
        paramLabel = "N",
        description = "port to listen on; 0 picks a free one [WORLDS_PORT, default 8080]")
    String port;

    @Option(
        names = "--token",
        paramLabel = "TOKEN",
        description = "the bearer token the server accepts [WORLDS_TOKEN, default dev-token]")
    String token;

    @Option(
        names = "--seed",
        paramLabel = "true|false",
        description = "start with the demo org and jobs [WORLDS_SEED, default true]")
    String seed;

    @Option(names = "--no-seed", description = "same as --seed=false")
    boolean noSeed;

    @Option(
        names = "--worker-step-ms",
        paramLabel = "N",
        description =
            "ms between the simulated worker's steps; a job takes 5 steps; 0 freezes the worker"
                + " [WORLDS_WORKER_STEP_MS, default 1000]")
    String workerStep;

    @Option(
        names = "--max-request-body-bytes",
        paramLabel = "N",
        description =
            "the largest request body read; a larger one is answered 413 without reading it"
                + " past the limit [WORLDS_MAX_REQUEST_BODY_BYTES, default 1048576 (1 MiB)]")
    String maxRequestBodyBytes;

    @Option(
        names = "--max-jobs-per-workspace",
        paramLabel = "N",
        description =
            "how many jobs a workspace keeps; past that the oldest that have ended are forgotten"
                + " first, so hours of load hold memory flat [WORLDS_MAX_JOBS_PER_WORKSPACE,"
                + " default 10000]")
    String maxJobsPerWorkspace;

    @Option(
        names = "--shutdown-grace-ms",
        paramLabel = "N",
        description =
            "on SIGTERM, stop accepting at once and let requests in flight finish for up to N ms,"
                + " then exit 0 [WORLDS_SHUTDOWN_GRACE_MS, default 10000]")
    String shutdownGrace;

    @Option(
        names = "--request-head-timeout-ms",
        paramLabel = "N",
        description =
            "how long a request's line and headers may take to arrive; past it the client is"
                + " answered 408 and its connection closed [WORLDS_REQUEST_HEAD_TIMEOUT_MS,"
                + " default 10000]")
    String headTimeout;

    @Option(
        names = "--request-body-timeout-ms",
        paramLabel = "N",
        description =
            "how long a request body may take to arrive after its headers; past it the client is"
                + " answered 408 and its connection closed [WORLDS_REQUEST_BODY_TIMEOUT_MS,"
                + " default 30000]")
    String bodyTimeout;

    @Option(
        names = "--idle-timeout-ms",
        paramLabel = "N",
        description =
            "how long a connection may stay silent, between requests or in a stalled read or"
                + " write, before it is closed [WORLDS_IDLE_TIMEOUT_MS, default 30000]")
    String idleTimeout;

    @Option(
        names = "--max-request-head-bytes",
        paramLabel = "N",
        description =
            "the largest request line and headers; a longer request line is answered 414, larger"
                + " headers 431 [WORLDS_MAX_REQUEST_HEAD_BYTES, default 16384 (16 KiB)]")
    String maxHeadBytes;

    @Option(
        names = "--otel-exporter",
        paramLabel = "none|logging",
        description =
            "logging: print each request's OpenTelemetry span (named after the spec's operation,"
                + " continuing an incoming traceparent) as a log line; none: only the Java agent's,"
                + " if it runs [WORLDS_OTEL_EXPORTER, default none]")
    String otelExporter;

    @Option(
        names = "--rate-limit",
        paramLabel = "REQUESTS/SECONDS",
        description =
            "hold each caller to at most REQUESTS requests in a window of SECONDS (e.g. 100/60):"
                + " past it the caller is answered 429 with Retry-After, and every answer says"
                + " where the caller stands (RateLimit-Policy, RateLimit) [WORLDS_RATE_LIMIT,"
                + " default off]")
    String rateLimit;

    @Option(
        names = "--test-mode",
        description =
            "serve the test controls (provider states at POST /_pact/provider-states): for"
                + " contract tests only, never in production [WORLDS_TEST_MODE, default false]")
    boolean testMode;

    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "print this and exit")
    boolean help;
  }

  /** Whether the arguments ask for {@link #HELP} (and nothing else is to be done). */
  public static boolean asksForHelp(String[] args) {
    try {
      return new CommandLine(new Flags()).parseArgs(args).isUsageHelpRequested();
    } catch (CommandLine.ParameterException e) {
      return false;
    }
  }

  /**
   * @throws IllegalArgumentException with a sentence naming the bad flag or variable
   */
  public static ServerOptions parse(String[] args, Map<String, String> env) {
    Flags flags = new Flags();
    try {
      new CommandLine(flags).parseArgs(args);
    } catch (CommandLine.UnmatchedArgumentException e) {
      String first = e.getUnmatched().isEmpty() ? "" : e.getUnmatched().get(0);
      throw new IllegalArgumentException(
          (first.startsWith("-")
                  ? "unknown option " + first.split("=", 2)[0]
                  : "unexpected argument \"" + first + "\"")
              + " (see --help)");
    } catch (CommandLine.MissingParameterException e) {
      CommandLine.Model.ArgSpec missing = e.getMissing().isEmpty() ? null : e.getMissing().get(0);
      String name =
          missing instanceof CommandLine.Model.OptionSpec option
              ? option.longestName()
              : "an option";
      String label = missing == null ? "VALUE" : missing.paramLabel();
      throw new IllegalArgumentException(
          name
              + " needs a value: "
              + name
              + " "
              + label
              + " or "
              + name
              + "="
              + label
              + " (see --help)");
    } catch (CommandLine.ParameterException e) {
      throw new IllegalArgumentException(e.getMessage() + " (see --help)");
    }
    if (flags.noSeed && flags.seed != null) {
      throw new IllegalArgumentException("--seed and --no-seed contradict each other; give one");
    }
    Source host = Source.of("--host", flags.host, "WORLDS_HOST", env);
    Source port = Source.of("--port", flags.port, "WORLDS_PORT", env);
    Source token = Source.of("--token", flags.token, "WORLDS_TOKEN", env);
    Source seed =
        flags.noSeed
            ? new Source("--no-seed", "false")
            : Source.of("--seed", flags.seed, "WORLDS_SEED", env);
    Source step = Source.of("--worker-step-ms", flags.workerStep, "WORLDS_WORKER_STEP_MS", env);
    Source maxBody =
        Source.of(
            "--max-request-body-bytes",
            flags.maxRequestBodyBytes,
            "WORLDS_MAX_REQUEST_BODY_BYTES",
            env);
    Source maxJobs =
        Source.of(
            "--max-jobs-per-workspace",
            flags.maxJobsPerWorkspace,
            "WORLDS_MAX_JOBS_PER_WORKSPACE",
            env);
    Source grace =
        Source.of("--shutdown-grace-ms", flags.shutdownGrace, "WORLDS_SHUTDOWN_GRACE_MS", env);
    Source headTimeout =
        Source.of(
            "--request-head-timeout-ms", flags.headTimeout, "WORLDS_REQUEST_HEAD_TIMEOUT_MS", env);
    Source bodyTimeout =
        Source.of(
            "--request-body-timeout-ms", flags.bodyTimeout, "WORLDS_REQUEST_BODY_TIMEOUT_MS", env);
    Source idleTimeout =
        Source.of("--idle-timeout-ms", flags.idleTimeout, "WORLDS_IDLE_TIMEOUT_MS", env);
    Source maxHead =
        Source.of(
            "--max-request-head-bytes", flags.maxHeadBytes, "WORLDS_MAX_REQUEST_HEAD_BYTES", env);
    ConnectionLimits defaults = ConnectionLimits.DEFAULTS;
    ConnectionLimits limits =
        new ConnectionLimits(
            millis(headTimeout, defaults.headTimeout()),
            millis(bodyTimeout, defaults.bodyTimeout()),
            millis(idleTimeout, defaults.idleTimeout()),
            maxHead.value == null
                ? defaults.maxHeadBytes()
                : integer(
                    maxHead.name, maxHead.value, ConnectionLimits.MIN_HEAD_BYTES, 1024 * 1024));
    Source exporter = Source.of("--otel-exporter", flags.otelExporter, "WORLDS_OTEL_EXPORTER", env);
    Source rateLimit = Source.of("--rate-limit", flags.rateLimit, "WORLDS_RATE_LIMIT", env);
    Source testMode =
        flags.testMode
            ? new Source("--test-mode", "true")
            : Source.of("--test-mode", null, "WORLDS_TEST_MODE", env);
    return new ServerOptions(
        host.value == null ? DEFAULT_HOST : host(host.name, host.value),
        port.value == null ? DEFAULT_PORT : integer(port.name, port.value, 0, 65_535),
        token.value == null ? DEFAULT_TOKEN : nonBlank(token.value),
        seed.value == null || bool(seed.name, seed.value),
        step.value == null
            ? DEFAULT_WORKER_STEP
            : Duration.ofMillis(integer(step.name, step.value, 0, 3_600_000)),
        testMode.value != null && bool(testMode.name, testMode.value),
        maxBody.value == null
            ? JsonLimits.DEFAULT_MAX_BODY_BYTES
            : integer(maxBody.name, maxBody.value, 1, Integer.MAX_VALUE),
        maxJobs.value == null
            ? JobStore.DEFAULT_MAX_JOBS_PER_WORKSPACE
            : integer(maxJobs.name, maxJobs.value, 1, Integer.MAX_VALUE),
        grace.value == null
            ? DEFAULT_SHUTDOWN_GRACE
            : Duration.ofMillis(integer(grace.name, grace.value, 0, 600_000)),
        limits,
        exporter.value == null ? Traces.NONE : traces(exporter.name, exporter.value),
        rateLimit.value == null ? null : rateLimit(rateLimit.name, rateLimit.value));
  }

  private static RateLimit rateLimit(String source, String value) {
    try {
      return RateLimit.parse(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  private static Traces traces(String source, String value) {
    return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "none" -> Traces.NONE;
      case "logging" -> Traces.LOGGING;
      default ->
          throw new IllegalArgumentException(
              source + " must be none or logging, got \"" + value + "\"");
    };
  }

  /** A timeout in milliseconds, one to an hour; the default when neither flag nor variable. */
  private static Duration millis(Source source, Duration fallback) {
    return source.value == null
        ? fallback
        : Duration.ofMillis(integer(source.name, source.value, 1, 3_600_000));
  }

  /** A value and where it came from: the flag's name, or the environment variable's. */
  private record Source(String name, String value) {
    static Source of(String flag, String flagValue, String variable, Map<String, String> env) {
      return flagValue != null
          ? new Source(flag, flagValue)
          : new Source(variable, env.get(variable));
    }
  }

  private static String host(String source, String value) {
    String host = value.strip();
    if (host.isEmpty() || !host.matches("[A-Za-z0-9.:\\-\\[\\]%]+")) {
      throw new IllegalArgumentException(
          source
              + " must be an address or host name such as 127.0.0.1 or 0.0.0.0, got \""
              + value
              + "\"");
    }
    return host;
  }

  private static int integer(String source, String value, int min, int max) {
    try {
      int parsed = Integer.parseInt(value.strip());
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException notANumber) {
      // Reported below.
    }
    throw new IllegalArgumentException(
        source + " must be a whole number from " + min + " to " + max + ", got \"" + value + "\"");
  }

  private static boolean bool(String source, String value) {
    return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default ->
          throw new IllegalArgumentException(
              source + " must be true or false, got \"" + value + "\"");
    };
  }

  private static String nonBlank(String token) {
    if (token.isBlank()) {
      throw new IllegalArgumentException("the token must not be blank");
    }
    return token.strip();
  }

  /** Describes the options without the token. */
  @Override
  public String toString() {
    return "ServerOptions{host="
        + host
        + ", port="
        + port
        + ", seed="
        + seed
        + ", workerStep="
        + workerStep
        + ", testMode="
        + testMode
        + ", maxRequestBodyBytes="
        + maxRequestBodyBytes
        + ", maxJobsPerWorkspace="
        + maxJobsPerWorkspace
        + ", shutdownGrace="
        + shutdownGrace
        + ", connectionLimits="
        + connectionLimits
        + ", traces="
        + traces
        + ", rateLimit="
        + (rateLimit == null ? "off" : rateLimit)
        + '}';
  }
}
