package dev.worldsapi.server.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast timestamp writer writes exactly what Jackson's Java time module writes. */
class IsoDateTimeSerializerTest {

  private final ObjectMapper ours = ServerObjectMapper.create();
  private final ObjectMapper reference =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-01-05T10:15:30Z",
        "2026-01-05T10:15:00Z",
        "2026-01-05T10:00Z",
        "2026-01-05T10:15:30.100Z",
        "2026-01-05T10:15:30.000000001Z",
        "2026-01-05T10:15:30.123456789-05:30",
        "0000-01-01T00:00:00+18:00",
        "9999-12-31T23:59:59.999999999-18:00",
        "+10000-01-01T00:00:00Z",
        "-0001-01-01T00:00:00Z",
        "2026-01-05T10:15:30+05:30:15"
      })
  void writesWhatTheJavaTimeModuleWrites(String text) throws Exception {
    OffsetDateTime value = OffsetDateTime.parse(text);

    assertThat(ours.writeValueAsString(value)).isEqualTo(reference.writeValueAsString(value));
  }

  @Test
  void writesWhatTheJavaTimeModuleWritesForRandomInstants() throws Exception {
    Random random = new Random(20261129);
    for (int i = 0; i < 20_000; i++) {
      OffsetDateTime value =
          OffsetDateTime.of(
              random.nextInt(10_000),
              1 + random.nextInt(12),
              1 + random.nextInt(28),
              random.nextInt(24),
              random.nextInt(60),
              random.nextInt(60),
              switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
              },
              random.nextBoolean()
                  ? ZoneOffset.UTC
                  : ZoneOffset.ofTotalSeconds((random.nextInt(36 * 4 + 1) - 72) * 15 * 60));

      assertThat(ours.writeValueAsString(value))
          .as("%s", value)
          .isEqualTo(reference.writeValueAsString(value));
    }
  }
}
