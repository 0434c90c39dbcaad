package dev.worldsapi.client;

import dev.worldsapi.client.internal.http.CallContext;
import java.util.function.Supplier;

/** Runs a call of the generated interface with options, as a value or as a raw response. */
final class Calls {

  private Calls() {}

  static <T> RawResponse<T> raw(RequestOptions options, Supplier<T> call) {
    CallContext.Outcome<T> outcome = CallContext.run(options, call);
    return new RawResponse<>(
        outcome.status(), outcome.headers(), outcome.attempts(), outcome.value());
  }
}
