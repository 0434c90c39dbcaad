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
    List<Object> loc) {

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
