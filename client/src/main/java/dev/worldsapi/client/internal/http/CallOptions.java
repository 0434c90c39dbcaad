package dev.worldsapi.client.internal.http;

import dev.worldsapi.client.RequestOptions;
import feign.Request;
import java.util.concurrent.TimeUnit;

/**
 * One call's options, handed to every attempt as the {@link Request.Options} argument that Feign
 * passes to its {@link feign.Client}: the per-attempt timeout, and the headers and query parameters
 * the call adds. An argument of the call, never state of a thread.
 */
public final class CallOptions extends Request.Options {

  private final RequestOptions call;

  CallOptions(Request.Options client, RequestOptions call) {
    super(
        client.connectTimeoutMillis(),
        TimeUnit.MILLISECONDS,
        call.timeout().map(timeout -> timeout.toMillis()).orElse(client.readTimeoutMillis() * 1L),
        TimeUnit.MILLISECONDS,
        client.isFollowRedirects());
    this.call = call;
  }

  /**
   * The call's options, or none when a request came without them (a Feign interface used alone).
   */
  static RequestOptions of(Request.Options options) {
    return options instanceof CallOptions callOptions ? callOptions.call : RequestOptions.none();
  }
}
