package dev.worldsapi.server.idempotency;

import dev.worldsapi.server.Pipeline;
import dev.worldsapi.server.auth.Caller;
import dev.worldsapi.server.auth.CurrentCaller;
import dev.worldsapi.server.errors.ErrorResponses;
import dev.worldsapi.server.errors.WorldsApiException;
import dev.worldsapi.server.validation.MatchedOperation;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
 */
@Priority(Pipeline.IDEMPOTENCY)
public final class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {

  public static final String HEADER = "Idempotency-Key";

  /** Set on a request that claimed its key, so that the response completes or releases it. */
  private static final String CLAIMED = "dev.worldsapi.server.idempotencyKey";

  private final IdempotencyStore store;

  public IdempotencyFilter(IdempotencyStore store) {
    this.store = store;
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
    if (claim instanceof IdempotencyStore.Granted) {
      request.setProperty(CLAIMED, storeKey);
    } else if (claim instanceof IdempotencyStore.Replay replay) {
      request.abortWith(
          Response.status(replay.status())
              .type(MediaType.APPLICATION_JSON_TYPE)
              .entity(replay.entity())
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
    if (!(request.getProperty(CLAIMED) instanceof String storeKey)) {
      return;
    }
    if (response.getStatus() >= 200 && response.getStatus() < 300 && response.hasEntity()) {
      store.complete(storeKey, response.getStatus(), response.getEntity());
    } else {
      store.release(storeKey);
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
