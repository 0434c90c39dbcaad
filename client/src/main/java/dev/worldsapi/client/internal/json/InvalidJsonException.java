package dev.worldsapi.client.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.worldsapi.client.errors.DecodeProblem;
import java.util.List;

/**
 * A JSON body that parsed, but is not the schema of the model it was read as. Thrown by the
 * generated models' deserializers, so that any {@code ObjectMapper} reading a model fails with
 * every problem; the client turns it into a {@link
 * dev.worldsapi.client.errors.WorldsDecodeException}.
 */
public final class InvalidJsonException extends JsonMappingException {

  private static final long serialVersionUID = 1L;

  /** The most problems the message names; {@link #problems()} has them all. */
  static final int NAMED_IN_MESSAGE = 10;

  private final String schema;
  private final transient List<DecodeProblem> problems;

  InvalidJsonException(JsonParser parser, String schema, List<DecodeProblem> problems) {
    super(parser, describe(schema, problems));
    this.schema = schema;
    this.problems = List.copyOf(problems);
  }

  /** The name of the schema the body was read as, e.g. {@code WorldJob}. */
  public String schema() {
    return schema;
  }

  /** Every problem found, in the order of the body. */
  public List<DecodeProblem> problems() {
    return problems;
  }

  /** "not a valid WorldJob: $.id is missing; $.kind must be a string, got number 5". */
  static String describe(String schema, List<DecodeProblem> problems) {
    StringBuilder text = new StringBuilder("not a valid ").append(schema).append(": ");
    for (int i = 0; i < problems.size() && i < NAMED_IN_MESSAGE; i++) {
      text.append(i == 0 ? "" : "; ").append(problems.get(i));
    }
    if (problems.size() > NAMED_IN_MESSAGE) {
      text.append("; and ").append(problems.size() - NAMED_IN_MESSAGE).append(" more");
    }
    return text.toString();
  }
}
