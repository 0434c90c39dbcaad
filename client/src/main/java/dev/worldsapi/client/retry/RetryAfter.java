package dev.worldsapi.client.retry;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads how long a server asks a client to wait: {@code Retry-After} (RFC 9110: a number of seconds
 * or an HTTP date), and else {@code RateLimit} (IETF draft-ietf-httpapi-ratelimit-headers-10: a
 * policy with no requests left, {@code r=0}, resets in {@code t} seconds).
 */
public final class RetryAfter {

  private RetryAfter() {}

  /**
   * The wait {@code Retry-After} asks for, or else the one {@code RateLimit} implies (the longest
   * {@code t} of a policy with {@code r=0}); empty when neither says.
   */
  public static Optional<Duration> parse(
      @Nullable String retryAfter, @Nullable String rateLimit, Instant now) {
    Optional<Duration> asked = parse(retryAfter, now);
    return asked.isPresent() ? asked : fromRateLimit(rateLimit);
  }

  /**
   * The wait a {@code RateLimit} header implies: {@code "per-caller";r=0;t=17} is 17 s; a policy
   * with requests left asks for none. Of several policies, the longest wait of those exhausted.
   */
  public static Optional<Duration> fromRateLimit(@Nullable String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    Duration longest = null;
    for (String item : header.split(",")) {
      Long remaining = null;
      Long reset = null;
      String[] parts = item.split(";");
      for (int i = 1; i < parts.length; i++) {
        String[] pair = parts[i].strip().split("=", 2);
        if (pair.length == 2
            && pair[1].strip().chars().allMatch(Character::isDigit)
            && !pair[1].isBlank()
            && pair[1].strip().length() < 18) {
          long value = Long.parseLong(pair[1].strip());
          switch (pair[0].strip()) {
            case "r" -> remaining = value;
            case "t" -> reset = value;
            default -> {}
          }
        }
      }
      if (remaining != null && remaining == 0 && reset != null) {
        Duration wait = Duration.ofSeconds(reset);
        longest = longest == null || wait.compareTo(longest) > 0 ? wait : longest;
      }
    }
    return Optional.ofNullable(longest);
  }

  /**
   * How long the header asks to wait, measured from {@code now} for the date form; empty when the
   * header is absent or neither form. A date in the past means no wait.
   */
  public static Optional<Duration> parse(@Nullable String header, Instant now) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.trim();
    if (value.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
      } catch (NumberFormatException tooLarge) {
        return Optional.empty();
      }
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
    } catch (DateTimeParseException notADate) {
      return Optional.empty();
    }
  }
}
