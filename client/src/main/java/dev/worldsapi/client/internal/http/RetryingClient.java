package dev.worldsapi.client.internal.http;

import dev.worldsapi.client.RequestOptions;
import dev.worldsapi.client.retry.RetryPolicy;
import dev.worldsapi.client.retry.Sleeper;
import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Executes a request, repeating it as the {@link RetryPolicy} allows. Returns the first 2xx
 * response or the last response the policy would not repeat, with its body read into memory; throws
 * a {@link dev.worldsapi.client.errors.WorldsTransportException} when no response came. Feign's own
 * retryer is switched off: this is the only place that repeats requests.
 */
public final class RetryingClient implements Client {

  private final Client delegate;
  private final RetryPolicy policy;
  private final Clock clock;
  private final Sleeper sleeper;

  public RetryingClient(Client delegate, RetryPolicy policy, Clock clock, Sleeper sleeper) {
    this.delegate = delegate;
    this.policy = policy;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  @Override
  public Response execute(Request request, Request.Options clientOptions) {
    CallContext call = CallContext.current();
    RequestOptions perCall = call == null ? RequestOptions.none() : call.options();
    RetryPolicy policy =
        perCall.maxRetries().isPresent()
            ? this.policy.toBuilder().maxRetries(perCall.maxRetries().getAsInt()).build()
            : this.policy;
    Request.Options options =
        perCall.timeout().isPresent()
            ? new Request.Options(
                clientOptions.connectTimeoutMillis(),
                TimeUnit.MILLISECONDS,
                perCall.timeout().get().toMillis(),
                TimeUnit.MILLISECONDS,
                clientOptions.isFollowRedirects())
            : clientOptions;
    request = Requests.withExtras(request, perCall.headers(), perCall.queryParams());
    // A write with an Idempotency-Key is as safe to repeat as a read: the key makes it act once.
    boolean repeatable =
        RetryPolicy.isIdempotent(request.httpMethod().name())
            || Requests.header(request.headers(), "Idempotency-Key") != null;
    for (int retries = 0; ; retries++) {
      Response response;
      try {
        // Reading the body here makes a reset in the middle of it a failure of this attempt.
        response = Requests.buffered(delegate.execute(request, options));
      } catch (IOException failure) {
        Optional<Duration> wait =
            policy.afterFailure(
                repeatable, TransportFailures.requestMayHaveBeenSent(failure), retries);
        if (wait.isEmpty()) {
          throw TransportFailures.toException(request, failure, retries + 1);
        }
        sleeper.sleepFor(wait.get(), "to retry");
        continue;
      }
      if (response.status() >= 200 && response.status() < 300) {
        return answered(call, response, retries + 1);
      }
      Optional<Duration> wait =
          policy.afterStatus(
              repeatable,
              response.status(),
              Requests.header(response.headers(), "Retry-After"),
              retries,
              clock.instant());
      if (wait.isEmpty()) {
        return answered(call, response, retries + 1);
      }
      sleeper.sleepFor(wait.get(), "to retry");
    }
  }

  private static Response answered(@Nullable CallContext call, Response response, int attempts) {
    if (call != null) {
      call.answered(response, attempts);
    }
    return Requests.withAttempts(response, attempts);
  }
}
