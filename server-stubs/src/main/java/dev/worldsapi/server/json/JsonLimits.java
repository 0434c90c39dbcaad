package dev.worldsapi.server.json;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/**
 * How much JSON the runtime reads, set here on purpose rather than left to Jackson's defaults: a
 * request body of at most {@link #DEFAULT_MAX_BODY_BYTES} unless the service says otherwise, nested
 * at most {@value #MAX_NESTING_DEPTH} levels, with numbers of at most {@value #MAX_NUMBER_LENGTH}
 * characters. A string can be as long as the body. What breaks a limit is answered with a sentence
 * that names it.
 */
public final class JsonLimits {

  /** 1 MiB: far above any body this API's schemas allow, far below what hurts a shared host. */
  public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

  public static final int MAX_NESTING_DEPTH = 1000;
  public static final int MAX_NUMBER_LENGTH = 1000;

  private JsonLimits() {}

  /** The read limits for documents of at most {@code maxBodyBytes}. */
  public static StreamReadConstraints constraints(long maxBodyBytes) {
    int bodyChars = (int) Math.min(maxBodyBytes, Integer.MAX_VALUE);
    return StreamReadConstraints.builder()
        .maxNestingDepth(MAX_NESTING_DEPTH)
        .maxNumberLength(MAX_NUMBER_LENGTH)
        .maxStringLength(bodyChars)
        .maxDocumentLength(maxBodyBytes)
        .build();
  }

  /** What a broken limit means, as a reader of the API would say it. */
  public static String describe(StreamConstraintsException broken) {
    String message = broken.getOriginalMessage() == null ? "" : broken.getOriginalMessage();
    if (message.contains("getMaxNestingDepth")) {
      return "JSON nesting deeper than " + MAX_NESTING_DEPTH + " levels";
    }
    if (message.contains("getMaxNumberLength")) {
      return "a JSON number longer than " + MAX_NUMBER_LENGTH + " characters";
    }
    if (message.contains("getMaxStringLength")) {
      return "a JSON string longer than the body limit";
    }
    if (message.contains("getMaxDocumentLength")) {
      return "a JSON document longer than the body limit";
    }
    return "a JSON read limit: " + message;
  }
}
