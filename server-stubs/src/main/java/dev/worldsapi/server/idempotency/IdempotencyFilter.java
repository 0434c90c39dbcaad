package dev.worldsapi.server.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.worldsapi.server.Pipeline;
import dev.worldsapi.server.auth.Caller;
import dev.worldsapi.server.auth.CurrentCaller;
import dev.worldsapi.server.errors.ErrorResponses;
import dev.worldsapi.server.errors.WorldsApiException;
import dev.worldsapi.server.json.ServerObjectMapper;
import dev.worldsapi.server.validation.MatchedOperation;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Honours {@code Idempotency-Key} on the operations whose spec declares it: the same caller's key
 * with the same method, path and body answers what the first request answered, without running it
 * again; with another body it is a 422; while the first is still running, a 409. Only successful
 * answers are kept: a request that failed may be retried with its key and runs again. Runs after
 * the request passed the spec's checks.
 *
 * <p>The answer is written once, as JSON bytes by the runtime's JSON mapper: those bytes are both
 * what the caller gets and what is kept, so a replay is the first answer byte for byte. A request
 * completes or releases its own claim ({@link IdempotencyStore.Granted}); if that claim was taken
 * over meanwhile, nothing changes, and the log says so without the key. If the store cannot keep
 * the answer (its database is unreachable, say), the caller still gets the answer, and the log says
 * which claim lost what: the key then stays claimed until the store's in-flight timeout.
 */
@Priority(Pipeline.IDEMPOTENCY)
public final class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {

  public static final String HEADER = "Idempotency-Key";

  /** Set on a request that claimed its key, so that the response completes or releases it. */
  private static final String CLAIMED = "dev.worldsapi.server.idempotencyKey";

  private static final System.Logger LOG = System.getLogger(IdempotencyFilter.class.getName());

  private final IdempotencyStore store;
  private final ObjectMapper json;

  public IdempotencyFilter(IdempotencyStore store) {
    this(store, ServerObjectMapper.create());
  }

  /**
   * @param json the mapper the JSON provider writes answers with, so that a kept answer is the
   *     bytes the first caller got
   */
  public IdempotencyFilter(IdempotencyStore store, ObjectMapper json) {
    this.store = store;
    this.json = json;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (!(request.getProperty(MatchedOperation.PROPERTY) instanceof MatchedOperation operation)
        || !operation.headerParameters().contains(HEADER)) {
      return;
    }
    String key = request.getHeaderString(HEADER);
    if (key == null) {
      return;
    }
    String caller = CurrentCaller.get().map(Caller::id).orElse("");
    String storeKey = caller + "\u0000" + key;
    IdempotencyStore.Claim claim =
        store.claim(
            storeKey,
            fingerprint(
                request.getMethod(),
                request.getUriInfo().getRequestUri().getRawPath(),
                operation.body()));
    if (claim instanceof IdempotencyStore.Granted granted) {
      request.setProperty(CLAIMED, granted);
    } else if (claim instanceof IdempotencyStore.Replay replay) {
      request.abortWith(
          Response.status(replay.status())
              .type(MediaType.APPLICATION_JSON_TYPE)
              .entity(replay.json())
              .header("Idempotent-Replayed", "true")
              .build());
    } else if (claim instanceof IdempotencyStore.Mismatch) {
      request.abortWith(
          ErrorResponses.of(
              WorldsApiException.validation(
                  List.of("header", HEADER),
                  "This Idempotency-Key was used for a request with another body; use a new key"
                      + " for a new request",
                  "idempotency_key_reused")));
    } else {
      request.abortWith(
          ErrorResponses.of(
              WorldsApiException.conflict(
                  "A request with this Idempotency-Key is still being processed; retry later")));
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!(request.getProperty(CLAIMED) instanceof IdempotencyStore.Granted grant)) {
      return;
    }
    int status = response.getStatus();
    byte[] answer = null;
    if (status >= 200 && status < 300 && response.hasEntity()) {
      try {
        answer = json.writeValueAsBytes(response.getEntity());
        // The caller gets the very bytes that are kept: the first answer and every replay are
        // one serialization, not two that must agree.
        response.setEntity(
            answer, response.getEntityAnnotations(), MediaType.APPLICATION_JSON_TYPE);
      } catch (JsonProcessingException e) {
        LOG.log(Level.ERROR, "Idempotency " + grant + ": the answer cannot be written as JSON", e);
      }
    }
    String what = answer != null ? "answer (" + status + ")" : "failure (" + status + ")";
    try {
      boolean current =
          answer != null ? store.complete(grant, status, answer) : store.release(grant);
      if (!current) {
        LOG.log(
            Level.WARNING,
            "Idempotency {0}: the request''s {1} came after its claim was taken over or had"
                + " expired; the key keeps what the current claim gives it",
            grant,
            what);
      }
    } catch (RuntimeException e) {
      LOG.log(
          Level.ERROR,
          "Idempotency "
              + grant
              + ": the request's "
              + what
              + " could not be "
              + (answer != null ? "kept" : "released")
              + " ("
              + e.getMessage()
              + "). The caller got the answer; the key stays claimed (409 to a retry) until the"
              + " store's in-flight timeout, and a retry after that runs the request again.");
    }
  }

  private static String fingerprint(String method, String path, byte[] body) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
      digest.update(body);
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
