package dev.worldsapi.client.errors;

/**
 * One way a response body differs from the schema the spec gives it: a required field missing, a
 * value of the wrong JSON type, a {@code null} where the spec allows none.
 *
 * @param path where, as a JSON path from the body's root, e.g. {@code $.items[3].created_at}
 * @param problem what is wrong there, e.g. {@code is missing} or {@code must be a string, got
 *     number 5}
 */
public record DecodeProblem(String path, String problem) {

  @Override
  public String toString() {
    return path + " " + problem;
  }
}
