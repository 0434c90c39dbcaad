package dev.worldsapi.client.internal.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.worldsapi.client.RequestOptions;
import dev.worldsapi.client.errors.WorldsDecodeException;
import dev.worldsapi.client.errors.WorldsException;
import dev.worldsapi.client.retry.RetryAfter;
import dev.worldsapi.client.retry.RetryPolicy;
import dev.worldsapi.client.retry.Sleeper;
import feign.Client;
import feign.FeignException;
import feign.Request;
import feign.Response;
import feign.codec.EncodeException;
import java.lang.reflect.Type;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one way a call travels: its {@link RequestOptions} go down as an argument of every attempt
 * ({@link CallOptions}), and what it came to comes back as a value ({@link Exchange}): the answer
 * it stopped at and how many attempts it took. Repeats attempts as the {@link RetryPolicy} allows;
 * this is the only place that repeats requests (Feign's own retryer is off). Thread-safe.
 *
 * <p>An attempt is a call of a generated Feign method that answers the undecoded {@link Response}
 * and takes the attempt's {@link Request.Options}; Feign builds the request from the spec's
 * annotations and hands it, with those options, to the client stack ({@link #clientStack}).
 */
public final class CallPipeline {

  private final RetryPolicy policy;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Request.Options clientOptions;
  private final JsonBodyDecoder decoder;
  private final ErrorEnvelopeMapper errors;
  private final Telemetry telemetry;

  public CallPipeline(
      RetryPolicy policy,
      Clock clock,
      Sleeper sleeper,
      Request.Options clientOptions,
      ObjectMapper mapper,
      Telemetry telemetry) {
    this.policy = policy;
    this.clock = clock;
    this.sleeper = sleeper;
    this.clientOptions = clientOptions;
    this.decoder = new JsonBodyDecoder(mapper);
    this.errors = new ErrorEnvelopeMapper(mapper, clock);
    this.telemetry = telemetry;
  }

  /** The client Feign gets: each attempt's extras and body reading over the given stack. */
  public static Client clientStack(Client stack) {
    return new AttemptClient(stack);
  }

  /** A 2xx answer and the attempts it took. */
  public record Exchange(Response response, int attempts) {

    public int status() {
      return response.status();
    }

    /** The response headers, as sent. */
    public Map<String, List<String>> headers() {
      return Requests.headersOf(response);
    }
  }

  /**
   * Makes the call's attempts until one is answered with 2xx or the policy stops.
   *
   * @param operationId the spec's name of the operation, for whoever observes the call
   * @param options the call's options, the client's defaults merged in
   * @param attempt makes one attempt with the options it is given
   * @throws dev.worldsapi.client.errors.WorldsServiceException for the non-2xx answer it stopped at
   * @throws dev.worldsapi.client.errors.WorldsTransportException when the last attempt got no
   *     answer
   */
  public Exchange send(
      String operationId, RequestOptions options, Function<Request.Options, Response> attempt) {
    Telemetry.Call observed = telemetry.call(operationId);
    int[] attempts = {0};
    try {
      Exchange exchange = send(options, attempt, observed, attempts);
      observed.answered(exchange.status(), exchange.attempts());
      return exchange;
    } catch (dev.worldsapi.client.errors.WorldsServiceException answered) {
      observed.answered(answered.status(), attempts[0]);
      throw answered;
    } catch (RuntimeException failed) {
      observed.failed(failed, attempts[0]);
      throw failed;
    }
  }

  private Exchange send(
      RequestOptions options,
      Function<Request.Options, Response> attempt,
      Telemetry.Call observed,
      int[] attempts) {
    RetryPolicy policy =
        options.maxRetries().isPresent()
            ? this.policy.toBuilder().maxRetries(options.maxRetries().getAsInt()).build()
            : this.policy;
    for (int retries = 0; ; retries++) {
      Response response;
      attempts[0] = retries + 1;
      try {
        response = attempt.apply(new CallOptions(clientOptions, options, observed, retries));
      } catch (AttemptClient.AttemptFailure failed) {
        Optional<Duration> wait =
            policy.afterFailure(
                repeatable(failed.request()),
                TransportFailures.requestMayHaveBeenSent(failed.failure()),
                retries);
        if (wait.isEmpty()) {
          throw TransportFailures.toException(failed.request(), failed.failure(), retries + 1);
        }
        observed.waiting(wait.get(), null);
        sleeper.sleepFor(wait.get(), "to retry");
        continue;
      } catch (EncodeException e) {
        throw new WorldsException("the request body could not be encoded: " + e.getMessage(), e);
      } catch (FeignException e) {
        if (e.getCause() instanceof WorldsException worlds) {
          throw worlds;
        }
        throw new WorldsException("the request failed: " + e.getClass().getSimpleName(), e);
      }
      int status = response.status();
      if (status >= 200 && status < 300) {
        return new Exchange(response, retries + 1);
      }
      // Retry-After, or else what RateLimit says of an exhausted policy, in the same form.
      String retryAfter = Requests.header(response.headers(), "Retry-After");
      if (retryAfter == null) {
        retryAfter =
            RetryAfter.fromRateLimit(Requests.header(response.headers(), "RateLimit"))
                .map(wait -> Long.toString(wait.toSeconds()))
                .orElse(null);
      }
      Optional<Duration> wait =
          policy.afterStatus(
              repeatable(response.request()), status, retryAfter, retries, clock.instant());
      if (wait.isEmpty()) {
        throw errors.toException(response, retries + 1);
      }
      observed.waiting(wait.get(), retryAfter);
      sleeper.sleepFor(wait.get(), "to retry");
    }
  }

  /**
   * The exchange's body read as {@code type}, the answer of {@code operationId}.
   *
   * @throws WorldsDecodeException when the body is empty, in a coding the client cannot undo, not
   *     JSON, or not the schema of {@code type}
   */
  public <T> T decode(String operationId, Exchange exchange, Type type) {
    return decoder.decode(operationId, exchange.response(), type, exchange.attempts());
  }

  /** A write with an Idempotency-Key is as safe to repeat as a read: the key makes it act once. */
  private static boolean repeatable(Request request) {
    return RetryPolicy.isIdempotent(request.httpMethod().name())
        || Requests.header(request.headers(), "Idempotency-Key") != null;
  }
}
