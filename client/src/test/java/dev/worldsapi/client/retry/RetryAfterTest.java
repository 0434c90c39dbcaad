package dev.worldsapi.client.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryAfterTest {

  private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");

  @ParameterizedTest(name = "\"{0}\" → {1} s")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "0                             | 0",
        "120                           | 120",
        " 5                            | 5",
        "Mon, 05 Jan 2026 10:01:00 GMT | 60",
        "Mon, 05 Jan 2026 09:59:00 GMT | 0",
        "in a minute                   | -",
        "-5                            | -",
        "99999999999999999999999       | -",
      })
  void readsSecondsAndHttpDates(String header, Long seconds) {
    assertThat(RetryAfter.parse(header, NOW))
        .isEqualTo(
            seconds == null
                ? java.util.Optional.empty()
                : java.util.Optional.of(Duration.ofSeconds(seconds)));
  }
}
