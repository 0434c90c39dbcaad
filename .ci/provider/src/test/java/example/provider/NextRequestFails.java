package example.provider;

import dev.worldsapi.server.errors.WorldsApiException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The pacts' "the next request fails" state: the next request after authentication is answered
 * 429 (rate limited, with {@code Retry-After}) or 500 (the service failing, with the runtime's
 * request id). Registered by the tests only.
 */
@Priority(Priorities.AUTHENTICATION + 10)
final class NextRequestFails implements ContainerRequestFilter {

  private final AtomicReference<Integer> armed = new AtomicReference<>();
  private volatile Duration retryAfter = Duration.ofSeconds(1);

  void arm(int status, Duration retryAfter) {
    this.retryAfter = retryAfter;
    armed.set(status);
  }

  void disarm() {
    armed.set(null);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    Integer status = armed.getAndSet(null);
    if (status == null) {
      return;
    }
    if (status == 429) {
      throw WorldsApiException.rateLimited("Too many requests; retry later", retryAfter);
    }
    throw new IllegalStateException("the service failed, as the provider state asked");
  }
}
