package dev.worldsapi.client.internal.http;

import dev.worldsapi.client.RequestOptions;
import feign.Request;
import java.util.concurrent.TimeUnit;

/**
 * One attempt's options, handed to it as the {@link Request.Options} argument that Feign passes to
 * its {@link feign.Client}: the per-attempt timeout, the headers and query parameters the call
 * adds, and where the attempt stands in the call (its observation, how many resends before it). An
 * argument of the attempt, never state of a thread.
 */
public final class CallOptions extends Request.Options {

  private final RequestOptions call;
  private final Telemetry.Call observed;
  private final int resendCount;

  CallOptions(
      Request.Options client, RequestOptions call, Telemetry.Call observed, int resendCount) {
    super(
        client.connectTimeoutMillis(),
        TimeUnit.MILLISECONDS,
        call.timeout().map(timeout -> timeout.toMillis()).orElse(client.readTimeoutMillis() * 1L),
        TimeUnit.MILLISECONDS,
        client.isFollowRedirects());
    this.call = call;
    this.observed = observed;
    this.resendCount = resendCount;
  }

  /** The attempt's observation, in the call's; none for a request outside a call. */
  static Telemetry.Attempt attempt(
      Request.Options options, String method, String url, boolean idempotencyKey) {
    return options instanceof CallOptions callOptions
        ? callOptions.observed.attempt(method, url, callOptions.resendCount, idempotencyKey)
        : Telemetry.Attempt.NONE;
  }

  /**
   * The call's options, or none when a request came without them (a Feign interface used alone).
   */
  static RequestOptions of(Request.Options options) {
    return options instanceof CallOptions callOptions ? callOptions.call : RequestOptions.none();
  }
}
