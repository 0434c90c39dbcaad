package dev.worldsapi.reference;

import java.time.Duration;
import java.util.Map;

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
 */
public record ServerOptions(
    String host, int port, String token, boolean seed, Duration workerStep, boolean testMode) {

  /** On loopback, without test controls. */
  public ServerOptions(int port, String token, boolean seed, Duration workerStep) {
    this(DEFAULT_HOST, port, token, seed, workerStep, false);
  }

  /** The same options with the test controls on or off. */
  public ServerOptions withTestMode(boolean on) {
    return new ServerOptions(host, port, token, seed, workerStep, on);
  }

  /** Loopback only: a server with a well-known token is not for other machines by default. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  public static final int DEFAULT_PORT = 8080;

  /** The development token. Not a secret: it only opens this in-memory demo server. */
  public static final String DEFAULT_TOKEN = "dev-token";

  public static final Duration DEFAULT_WORKER_STEP = Duration.ofSeconds(1);

  public static final String HELP =
      """
      Usage: java -jar worlds-reference-server.jar [options]

      An in-memory Worlds jobs API server for development and tests.

      Options (each also read from an environment variable; a flag wins):
        --host=ADDRESS       address to listen on; 0.0.0.0 for every   [WORLDS_HOST, default 127.0.0.1]
                             interface, to be reached from elsewhere
        --port=N             port to listen on; 0 picks a free one     [WORLDS_PORT, default 8080]
        --token=TOKEN        the bearer token the server accepts       [WORLDS_TOKEN, default dev-token]
        --seed=true|false    start with the demo org and jobs          [WORLDS_SEED, default true]
        --no-seed            same as --seed=false
        --worker-step-ms=N   ms between the simulated worker's steps;  [WORLDS_WORKER_STEP_MS, default 1000]
                             a job takes 5 steps; 0 freezes the worker
        --test-mode          serve the test controls (provider states  [WORLDS_TEST_MODE, default false]
                             at POST /_pact/provider-states): for
                             contract tests only, never in production
        --help               print this and exit

      Seeded: organization "demo" with workspace "sandbox" (open to the token's caller) and
      workspace "restricted" (answers 403). Docs at /docs, the spec at /openapi.yaml.
      """;

  /**
   * @throws IllegalArgumentException with a sentence naming the bad flag or variable
   */
  public static ServerOptions parse(String[] args, Map<String, String> env) {
    String host = env.get("WORLDS_HOST");
    String testMode = env.get("WORLDS_TEST_MODE");
    String testModeSource = "WORLDS_TEST_MODE";
    String port = env.get("WORLDS_PORT");
    String token = env.get("WORLDS_TOKEN");
    String seed = env.get("WORLDS_SEED");
    String step = env.get("WORLDS_WORKER_STEP_MS");
    String portSource = "WORLDS_PORT";
    String seedSource = "WORLDS_SEED";
    String stepSource = "WORLDS_WORKER_STEP_MS";
    for (String arg : args) {
      if (arg.startsWith("--host=")) {
        host = arg.substring("--host=".length());
      } else if (arg.equals("--test-mode")) {
        testMode = "true";
        testModeSource = "--test-mode";
      } else if (arg.startsWith("--port=")) {
        port = arg.substring("--port=".length());
        portSource = "--port";
      } else if (arg.startsWith("--token=")) {
        token = arg.substring("--token=".length());
      } else if (arg.startsWith("--seed=")) {
        seed = arg.substring("--seed=".length());
        seedSource = "--seed";
      } else if (arg.equals("--no-seed")) {
        seed = "false";
        seedSource = "--no-seed";
      } else if (arg.startsWith("--worker-step-ms=")) {
        step = arg.substring("--worker-step-ms=".length());
        stepSource = "--worker-step-ms";
      } else {
        throw new IllegalArgumentException(
            "unknown option " + arg.split("=", 2)[0] + " (see --help)");
      }
    }
    return new ServerOptions(
        host == null ? DEFAULT_HOST : host(host),
        port == null ? DEFAULT_PORT : integer(portSource, port, 0, 65_535),
        token == null ? DEFAULT_TOKEN : nonBlank(token),
        seed == null || bool(seedSource, seed),
        step == null
            ? DEFAULT_WORKER_STEP
            : Duration.ofMillis(integer(stepSource, step, 0, 3_600_000)),
        testMode != null && bool(testModeSource, testMode));
  }

  private static String host(String value) {
    String host = value.strip();
    if (host.isEmpty() || !host.matches("[A-Za-z0-9.:\\-\\[\\]%]+")) {
      throw new IllegalArgumentException(
          "--host must be an address or host name such as 127.0.0.1 or 0.0.0.0, got \""
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
        + '}';
  }
}
