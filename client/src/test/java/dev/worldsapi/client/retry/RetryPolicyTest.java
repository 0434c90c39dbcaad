package dev.worldsapi.client.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {

  private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
  private final RetryPolicy policy = RetryPolicy.builder().jitter(0).build();

  @ParameterizedTest(name = "{0} after {1}: retry={2}")
  @CsvSource({
    "GET,  429, true",
    "GET,  502, true",
    "GET,  503, true",
    "GET,  504, true",
    "GET,  500, false",
    "GET,  404, false",
    "GET,  422, false",
    "POST, 429, true",
    "POST, 502, false",
    "POST, 503, false",
    "POST, 504, false",
    "POST, 500, false",
  })
  void retriesStatusesByMethod(String method, int status, boolean retried) {
    assertThat(policy.afterStatus(method, status, null, 0, NOW).isPresent()).isEqualTo(retried);
  }

  @ParameterizedTest(name = "{0}, request sent={1}: retry={2}")
  @CsvSource({
    "GET,  true,  true",
    "GET,  false, true",
    "POST, false, true",
    "POST, true,  false",
  })
  void retriesFailuresOnlyWhenRepeatingIsSafe(String method, boolean sent, boolean retried) {
    assertThat(policy.afterFailure(method, sent, 0).isPresent()).isEqualTo(retried);
  }

  @Test
  void stopsAtMaxRetries() {
    assertThat(policy.afterStatus("GET", 503, null, 1, NOW)).isPresent();
    assertThat(policy.afterStatus("GET", 503, null, 2, NOW)).isEmpty();
    assertThat(policy.afterFailure("GET", true, 2)).isEmpty();
  }

  @Test
  void backoffDoublesFromTheInitialWaitUpToTheCap() {
    RetryPolicy capped =
        RetryPolicy.builder()
            .jitter(0)
            .initialBackoff(Duration.ofSeconds(1))
            .maxBackoff(Duration.ofSeconds(4))
            .build();

    assertThat(IntStream.range(0, 6).mapToObj(capped::backoff))
        .containsExactly(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(4),
            Duration.ofSeconds(4),
            Duration.ofSeconds(4));
  }

  @Test
  void jitterTakesAtMostItsFractionOffTheWait() {
    RetryPolicy lowest =
        RetryPolicy.builder()
            .jitter(0.25)
            .random(() -> 0.999999)
            .initialBackoff(Duration.ofSeconds(8))
            .build();
    RetryPolicy highest =
        RetryPolicy.builder()
            .jitter(0.25)
            .random(() -> 0.0)
            .initialBackoff(Duration.ofSeconds(8))
            .build();

    assertThat(lowest.backoff(0)).isBetween(Duration.ofSeconds(6), Duration.ofMillis(6001));
    assertThat(highest.backoff(0)).isEqualTo(Duration.ofSeconds(8));
  }

  @Test
  void honoursRetryAfterInSecondsAndAsAnHttpDate() {
    assertThat(policy.afterStatus("GET", 429, "7", 0, NOW)).contains(Duration.ofSeconds(7));
    assertThat(policy.afterStatus("POST", 429, "Mon, 05 Jan 2026 10:00:30 GMT", 0, NOW))
        .contains(Duration.ofSeconds(30));
    assertThat(policy.afterStatus("GET", 503, "2", 0, NOW)).contains(Duration.ofSeconds(2));
  }

  @Test
  void givesUpWhenRetryAfterExceedsTheMaximum() {
    assertThat(policy.afterStatus("GET", 429, "61", 0, NOW)).isEmpty();
    assertThat(policy.afterStatus("GET", 429, "60", 0, NOW)).contains(Duration.ofSeconds(60));
  }

  @Test
  void unreadableRetryAfterFallsBackToBackoff() {
    assertThat(policy.afterStatus("GET", 429, "soon", 0, NOW)).contains(Duration.ofMillis(500));
  }

  @Test
  void rejectsInconsistentSettingsWithASentence() {
    assertThatThrownBy(() -> RetryPolicy.builder().maxRetries(-1).build())
        .hasMessage("maxRetries must be 0 or more, got -1");
    assertThatThrownBy(() -> RetryPolicy.builder().jitter(1.5).build())
        .hasMessage("jitter must be between 0 and 1, got 1.5");
    assertThatThrownBy(
            () ->
                RetryPolicy.builder()
                    .initialBackoff(Duration.ofSeconds(10))
                    .maxBackoff(Duration.ofSeconds(1))
                    .build())
        .hasMessageContaining("must not be less than initialBackoff");
  }
}
