package dev.worldsapi.client;

import java.util.Arrays;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The checks that generated methods and params types run on what a caller passes, with the spec's
 * bounds as arguments. Each failure is an {@link IllegalArgumentException} whose message names the
 * field (as Java and as the spec call it) and what it allows, so that a call the API would refuse
 * fails before it is sent.
 */
final class Arguments {

  private Arguments() {}

  static void required(String name, String specName, @Nullable Object value) {
    if (value == null) {
      throw new IllegalArgumentException(label(name, specName) + " is required");
    }
  }

  static void range(
      String name, String specName, long value, @Nullable Long min, @Nullable Long max) {
    if ((min != null && value < min) || (max != null && value > max)) {
      throw new IllegalArgumentException(
          label(name, specName) + " must be " + bounds(min, max) + ", got " + value);
    }
  }

  static void range(
      String name, String specName, double value, @Nullable Double min, @Nullable Double max) {
    if (Double.isNaN(value) || (min != null && value < min) || (max != null && value > max)) {
      throw new IllegalArgumentException(
          label(name, specName) + " must be " + bounds(min, max) + ", got " + value);
    }
  }

  static void length(
      String name, String specName, String value, @Nullable Integer min, @Nullable Integer max) {
    int length = value.codePointCount(0, value.length());
    if ((min != null && length < min) || (max != null && length > max)) {
      String what =
          length == 0 && min != null && min == 1
              ? "must not be empty"
              : "must be "
                  + bounds(min == null ? null : (long) min, max == null ? null : (long) max)
                  + " characters long, got "
                  + length;
      throw new IllegalArgumentException(label(name, specName) + " " + what);
    }
  }

  static void pattern(String name, String specName, String value, String regex) {
    if (!Pattern.compile(regex).matcher(value).find()) {
      throw new IllegalArgumentException(
          label(name, specName) + " must match " + regex + ", got \"" + value + "\"");
    }
  }

  static void oneOf(String name, String specName, Object value, String... allowed) {
    String text = String.valueOf(value);
    if (Arrays.stream(allowed).noneMatch(text::equals)) {
      throw new IllegalArgumentException(
          label(name, specName)
              + " must be one of "
              + String.join(", ", allowed)
              + ", got \""
              + text
              + "\"");
    }
  }

  /** An organization or workspace slug: the path's own segment, never blank. */
  static String slug(String name, @Nullable String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  private static String label(String name, String specName) {
    return name.equals(specName) ? name : name + " (" + specName + ")";
  }

  private static String bounds(@Nullable Number min, @Nullable Number max) {
    if (min != null && max != null) {
      return "between " + min + " and " + max;
    }
    return min != null ? min + " or more" : max + " or less";
  }
}
