package dev.worldsapi.server.errors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;

/**
 * The {@code msg} and {@code type} of a validation error, worded the way the Worlds API words them.
 */
final class ValidationMessages {

  private ValidationMessages() {}

  record Message(String msg, String type) {}

  static Message of(ConstraintViolation<?> violation) {
    Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
    if (constraint instanceof Min min) {
      return new Message(
          "Input should be greater than or equal to " + min.value(), "greater_than_equal");
    }
    if (constraint instanceof Max max) {
      return new Message("Input should be less than or equal to " + max.value(), "less_than_equal");
    }
    if (constraint instanceof DecimalMin min) {
      return new Message(
          "Input should be greater than or equal to " + min.value(), "greater_than_equal");
    }
    if (constraint instanceof DecimalMax max) {
      return new Message("Input should be less than or equal to " + max.value(), "less_than_equal");
    }
    if (constraint instanceof NotNull) {
      return new Message("Field required", "missing");
    }
    if (constraint instanceof Size size) {
      return violation.getInvalidValue() instanceof CharSequence
          ? new Message(
              "String should have at least "
                  + size.min()
                  + " character"
                  + (size.min() == 1 ? "" : "s"),
              "string_too_short")
          : new Message(
              "List should have between " + size.min() + " and " + size.max() + " items",
              "too_short");
    }
    return new Message(violation.getMessage(), "value_error");
  }
}
