package dev.worldsapi.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerOptionsTest {

  @Test
  void embeddedDefaultsNeedNoConfiguration() {
    ServerOptions options = ServerOptions.parse(new String[0], Map.of());

    assertThat(options)
        .isEqualTo(new ServerOptions(8080, "dev-token", true, Duration.ofSeconds(1)));
  }

  @Test
  void environmentVariablesSetEachOption() {
    ServerOptions options =
        ServerOptions.parse(
            new String[0],
            Map.of(
                "WORLDS_PORT",
                "9090",
                "WORLDS_TOKEN",
                "team-token",
                "WORLDS_SEED",
                "false",
                "WORLDS_WORKER_STEP_MS",
                "250"));

    assertThat(options)
        .isEqualTo(new ServerOptions(9090, "team-token", false, Duration.ofMillis(250)));
  }

  @Test
  void flagsWinOverEnvironmentVariables() {
    ServerOptions options =
        ServerOptions.parse(
            new String[] {"--port=0", "--token=flag-token", "--no-seed", "--worker-step-ms=0"},
            Map.of("WORLDS_PORT", "9090", "WORLDS_TOKEN", "env-token", "WORLDS_SEED", "true"));

    assertThat(options).isEqualTo(new ServerOptions(0, "flag-token", false, Duration.ZERO));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--port=http    | --port must be a whole number from 0 to 65535, got \"http\"",
        "--port=70000   | --port must be a whole number from 0 to 65535, got \"70000\"",
        "--seed=maybe   | --seed must be true or false, got \"maybe\"",
        "--worker-step-ms=-5 | --worker-step-ms must be a whole number from 0 to 3600000, got \"-5\"",
        "--token=       | the token must not be blank",
        "--verbose      | unknown option --verbose (see --help)",
        "--verbose=yes  | unknown option --verbose (see --help)",
        "extra          | unexpected argument \"extra\" (see --help)",
        "--port         | --port needs a value: --port N or --port=N (see --help)",
        "--host         | --host needs a value: --host ADDRESS or --host=ADDRESS (see --help)",
      })
  void badOptionsAreRejectedWithASentence(String arg, String message) {
    assertThatThrownBy(() -> ServerOptions.parse(new String[] {arg}, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--port=9191 --host=::1 --token=t-1 --seed=false --worker-step-ms=5",
        "--port 9191 --host ::1 --token t-1 --seed false --worker-step-ms 5",
        "--port 9191 --host=::1 --token t-1 --no-seed --worker-step-ms=5",
      })
  void eachOptionTakesItsValueAfterAnEqualsSignOrAsTheNextArgument(String line) {
    assertThat(ServerOptions.parse(line.split(" "), Map.of()))
        .isEqualTo(new ServerOptions("::1", 9191, "t-1", false, Duration.ofMillis(5), false));
  }

  @Test
  void aSourceThatIsNotAFlagIsNamedWhenItsValueIsRefused() {
    assertThatThrownBy(() -> ServerOptions.parse(new String[0], Map.of("WORLDS_PORT", "x")))
        .hasMessage("WORLDS_PORT must be a whole number from 0 to 65535, got \"x\"");
    assertThatThrownBy(
            () -> ServerOptions.parse(new String[] {"--seed=true", "--no-seed"}, Map.of()))
        .hasMessageContaining("contradict");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"--help", "-h", "--port=1 --help"})
  void helpListsEveryOptionAndItsVariable(String line) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int exit =
        ReferenceServerMain.run(
            line.split(" "),
            Map.of(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err);

    assertThat(exit).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains(
            "--port",
            "WORLDS_PORT",
            "--token",
            "WORLDS_TOKEN",
            "--seed",
            "--no-seed",
            "WORLDS_SEED",
            "--worker-step-ms",
            "WORLDS_WORKER_STEP_MS",
            "--help");
  }

  @Test
  void badOptionExitsWith2AndSaysWhy() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int exit =
        ReferenceServerMain.run(
            new String[] {"--port=x"},
            Map.of(),
            System.out,
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("worlds-reference-server: --port must be");
  }

  @Test
  void describingOptionsNeverShowsTheToken() {
    assertThat(new ServerOptions(1, "team-token", true, Duration.ZERO).toString())
        .doesNotContain("team-token");
  }

  @Test
  void listensOnLoopbackWithoutTestControlsByDefault() {
    ServerOptions options = ServerOptions.parse(new String[0], Map.of());

    assertThat(options.host()).isEqualTo("127.0.0.1");
    assertThat(options.testMode()).isFalse();
  }

  @Test
  void hostAndTestModeComeFromFlagsOrTheEnvironment() {
    assertThat(ServerOptions.parse(new String[] {"--host=0.0.0.0", "--test-mode"}, Map.of()))
        .extracting(ServerOptions::host, ServerOptions::testMode)
        .containsExactly("0.0.0.0", true);
    assertThat(
            ServerOptions.parse(
                new String[0], Map.of("WORLDS_HOST", "::1", "WORLDS_TEST_MODE", "true")))
        .extracting(ServerOptions::host, ServerOptions::testMode)
        .containsExactly("::1", true);
  }

  @Test
  void aHostThatIsNoAddressIsRefusedWithASentence() {
    assertThatThrownBy(() -> ServerOptions.parse(new String[] {"--host=a b"}, Map.of()))
        .hasMessageStartingWith("--host must be an address or host name");
  }

  @Test
  void theLimitsComeFromFlagsOrTheEnvironmentAndHaveDefaults() {
    assertThat(
            ServerOptions.parse(
                new String[] {"--max-request-body-bytes=4096", "--max-jobs-per-workspace=50"},
                Map.of()))
        .extracting(ServerOptions::maxRequestBodyBytes, ServerOptions::maxJobsPerWorkspace)
        .containsExactly(4096L, 50);
    assertThat(
            ServerOptions.parse(
                new String[0],
                Map.of(
                    "WORLDS_MAX_REQUEST_BODY_BYTES", "2048", "WORLDS_MAX_JOBS_PER_WORKSPACE", "7")))
        .extracting(ServerOptions::maxRequestBodyBytes, ServerOptions::maxJobsPerWorkspace)
        .containsExactly(2048L, 7);
    assertThat(ServerOptions.parse(new String[0], Map.of()))
        .extracting(ServerOptions::maxRequestBodyBytes, ServerOptions::maxJobsPerWorkspace)
        .containsExactly(1_048_576L, 10_000);
    assertThat(ServerOptions.HELP).contains("--max-request-body-bytes", "--max-jobs-per-workspace");
  }

  @Test
  void aLimitBelowOneIsRefusedNamingTheFlag() {
    assertThatThrownBy(
            () -> ServerOptions.parse(new String[] {"--max-jobs-per-workspace=0"}, Map.of()))
        .hasMessageStartingWith("--max-jobs-per-workspace must be a whole number from 1");
    assertThatThrownBy(
            () -> ServerOptions.parse(new String[0], Map.of("WORLDS_MAX_REQUEST_BODY_BYTES", "-1")))
        .hasMessageStartingWith("WORLDS_MAX_REQUEST_BODY_BYTES must be a whole number from 1");
  }

  @Test
  void theConnectionLimitsComeFromFlagsOrTheEnvironmentAndHaveDefaults() {
    assertThat(
            ServerOptions.parse(
                    new String[] {
                      "--request-head-timeout-ms=1500",
                      "--request-body-timeout-ms",
                      "2500",
                      "--idle-timeout-ms=3500",
                      "--max-request-head-bytes=4096"
                    },
                    Map.of())
                .connectionLimits())
        .isEqualTo(
            new ConnectionLimits(
                Duration.ofMillis(1500), Duration.ofMillis(2500), Duration.ofMillis(3500), 4096));
    assertThat(
            ServerOptions.parse(
                    new String[0],
                    Map.of(
                        "WORLDS_REQUEST_HEAD_TIMEOUT_MS", "100",
                        "WORLDS_REQUEST_BODY_TIMEOUT_MS", "200",
                        "WORLDS_IDLE_TIMEOUT_MS", "300",
                        "WORLDS_MAX_REQUEST_HEAD_BYTES", "2048"))
                .connectionLimits())
        .isEqualTo(
            new ConnectionLimits(
                Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300), 2048));
    assertThat(ServerOptions.parse(new String[0], Map.of()).connectionLimits())
        .isEqualTo(
            new ConnectionLimits(
                Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30), 16_384));
    assertThat(ServerOptions.HELP)
        .contains(
            "--request-head-timeout-ms",
            "WORLDS_REQUEST_HEAD_TIMEOUT_MS",
            "--request-body-timeout-ms",
            "--idle-timeout-ms",
            "--max-request-head-bytes");
  }

  @Test
  void aConnectionLimitOutOfRangeIsRefusedNamingItsSource() {
    assertThatThrownBy(
            () -> ServerOptions.parse(new String[] {"--request-head-timeout-ms=0"}, Map.of()))
        .hasMessage(
            "--request-head-timeout-ms must be a whole number from 1 to 3600000, got \"0\"");
    assertThatThrownBy(
            () -> ServerOptions.parse(new String[0], Map.of("WORLDS_MAX_REQUEST_HEAD_BYTES", "10")))
        .hasMessageStartingWith("WORLDS_MAX_REQUEST_HEAD_BYTES must be a whole number from 1024");
    assertThatThrownBy(
            () ->
                new ConnectionLimits(
                    Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1), 2048))
        .hasMessageStartingWith("headTimeout must be positive");
  }

  @Test
  void theTracesGoWhereTheFlagOrTheEnvironmentSays() {
    assertThat(ServerOptions.parse(new String[] {"--otel-exporter=logging"}, Map.of()).traces())
        .isEqualTo(ServerOptions.Traces.LOGGING);
    assertThat(
            ServerOptions.parse(new String[0], Map.of("WORLDS_OTEL_EXPORTER", "logging")).traces())
        .isEqualTo(ServerOptions.Traces.LOGGING);
    assertThat(ServerOptions.parse(new String[0], Map.of()).traces())
        .isEqualTo(ServerOptions.Traces.NONE);
    assertThatThrownBy(() -> ServerOptions.parse(new String[] {"--otel-exporter=otlp"}, Map.of()))
        .hasMessage("--otel-exporter must be none or logging, got \"otlp\"");
  }
}
