package dev.worldsapi.client.errors;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * A successful (2xx) response whose body could not be read as the type the spec promises: truncated
 * JSON, an encoding the client cannot undo, or a body that is JSON but not the schema (a required
 * field missing, a value of the wrong type). The client hands out no object made from such a body:
 * the call fails with this exception, which lists every problem it found ({@link #problems()}).
 */
public final class WorldsDecodeException extends WorldsException {

  private static final long serialVersionUID = 1L;

  private final @Nullable String operationId;
  private final int status;
  private final List<DecodeProblem> problems;

  public WorldsDecodeException(String message, @Nullable Throwable cause) {
    this(message, cause, 1);
  }

  public WorldsDecodeException(String message, @Nullable Throwable cause, int attempts) {
    this(message, cause, attempts, null, -1, List.of());
  }

  /**
   * @param operationId the spec's name of the operation whose answer this was, if known
   * @param status the HTTP status of that answer, or -1 when not known
   * @param problems where the body differs from its schema; empty when it is not JSON at all
   */
  public WorldsDecodeException(
      String message,
      @Nullable Throwable cause,
      int attempts,
      @Nullable String operationId,
      int status,
      List<DecodeProblem> problems) {
    super(message, cause, attempts);
    this.operationId = operationId;
    this.status = status;
    this.problems = List.copyOf(problems);
  }

  /** The spec's name of the operation, e.g. {@code get_world_job}, when known. */
  public Optional<String> operationId() {
    return Optional.ofNullable(operationId);
  }

  /** The HTTP status of the answer that could not be read, when known. */
  public OptionalInt status() {
    return status < 0 ? OptionalInt.empty() : OptionalInt.of(status);
  }

  /**
   * Every place where the body differs from its schema, in the order found; empty when the body is
   * not JSON, is empty, or could not be read.
   */
  public List<DecodeProblem> problems() {
    return problems;
  }
}
