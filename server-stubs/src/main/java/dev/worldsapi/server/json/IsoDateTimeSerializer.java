package dev.worldsapi.server.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes an {@link OffsetDateTime} exactly as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} does
 * ({@code 2026-01-05T10:15:30.123Z}: seconds always, the fraction without trailing zeros, {@code Z}
 * for UTC), without the formatter's general machinery, which cost a third of writing a page of
 * jobs. Years outside 0000..9999 go through the formatter itself.
 */
final class IsoDateTimeSerializer extends StdSerializer<OffsetDateTime> {

  IsoDateTimeSerializer() {
    super(OffsetDateTime.class);
  }

  @Override
  public void serialize(OffsetDateTime value, JsonGenerator json, SerializerProvider provider)
      throws IOException {
    json.writeString(format(value));
  }

  static String format(OffsetDateTime value) {
    int year = value.getYear();
    if (year < 0 || year > 9999) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value);
    }
    char[] text = new char[35];
    int at = digits(text, 0, year, 4);
    text[at++] = '-';
    at = digits(text, at, value.getMonthValue(), 2);
    text[at++] = '-';
    at = digits(text, at, value.getDayOfMonth(), 2);
    text[at++] = 'T';
    at = digits(text, at, value.getHour(), 2);
    text[at++] = ':';
    at = digits(text, at, value.getMinute(), 2);
    text[at++] = ':';
    at = digits(text, at, value.getSecond(), 2);
    int nano = value.getNano();
    if (nano != 0) {
      int width = 9;
      while (nano % 10 == 0) {
        nano /= 10;
        width--;
      }
      text[at++] = '.';
      at = digits(text, at, nano, width);
    }
    int offset = value.getOffset().getTotalSeconds();
    if (offset == 0) {
      text[at++] = 'Z';
    } else {
      int absolute = Math.abs(offset);
      text[at++] = offset < 0 ? '-' : '+';
      at = digits(text, at, absolute / 3600, 2);
      text[at++] = ':';
      at = digits(text, at, absolute / 60 % 60, 2);
      if (absolute % 60 != 0) {
        text[at++] = ':';
        at = digits(text, at, absolute % 60, 2);
      }
    }
    return new String(text, 0, at);
  }

  /** Writes {@code value} as exactly {@code width} decimal digits, zero-padded. */
  private static int digits(char[] text, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      text[i] = (char) ('0' + value % 10);
      value /= 10;
    }
    return at + width;
  }
}
