package dev.worldsapi.conformance;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One generated request and what the spec says must come back.
 *
 * @param kind what the case tries: {@code positive}, or the rule it breaks ({@code maximum}, {@code
 *     type}, {@code auth}, ...)
 * @param template the spec's path template; {@code {org}}, {@code {workspace}} and {@code {job_id}}
 *     are filled in when the case runs, unless {@code pathValues} names them
 * @param pathValues raw path segments that replace the target's, for cases about path parameters
 * @param query the raw query string, without {@code ?}; empty for none
 * @param headers headers besides {@code Authorization}; {@code Content-Type} only where given
 * @param body the raw body, or {@code null} for none
 * @param expected the statuses the spec allows for this request
 * @param loc for a 422, the {@code loc} of the one problem the request has; {@code null} otherwise
 * @param behaviour what a 2xx body must show beyond its schema, as the spec states it ({@link
 *     Behaviour#NONE} for nothing more)
 */
public record ConformanceCase(
    String operationId,
    String kind,
    String description,
    String method,
    String template,
    Map<String, String> pathValues,
    String query,
    Map<String, String> headers,
    String body,
    Auth auth,
    Set<Integer> expected,
    List<Object> loc,
    Behaviour behaviour) {

  /**
   * What a 2xx body must show beyond its schema, read from the spec's {@code x-worlds-*}
   * extensions: {@code page} (a paged answer: the page and page size asked for, no more items than
   * that, a total that counts them, items in the stated order), {@code same-id} (a read answers the
   * record its path names), or {@code none}.
   *
   * @param facts the field names and values the rule needs, e.g. {@code items}, {@code askedSize}
   */
  public record Behaviour(String rule, Map<String, String> facts) {
    public static final Behaviour NONE = new Behaviour("none", Map.of());
  }

  /** Which credentials the case sends. */
  public enum Auth {
    VALID,
    NONE,
    NOT_BEARER,
    WRONG_TOKEN
  }

  @Override
  public String toString() {
    return operationId + " [" + kind + "] " + description;
  }
}
