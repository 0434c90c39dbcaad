package dev.worldsapi.client.internal.http;

import dev.worldsapi.client.RequestOptions;
import feign.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One call's options and what its answer was, for the pipeline under Feign's generated interface,
 * which has no place for either. Bound to the calling thread for the duration of the call.
 */
public final class CallContext {

  private static final ThreadLocal<CallContext> CURRENT = new ThreadLocal<>();

  private final RequestOptions options;
  private @Nullable Response answer;
  private int attempts;

  private CallContext(RequestOptions options) {
    this.options = options;
  }

  /** Runs a call of the generated interface with these options; the context ends with it. */
  public static <T> Outcome<T> run(RequestOptions options, Supplier<T> call) {
    CallContext previous = CURRENT.get();
    CallContext context = new CallContext(options);
    CURRENT.set(context);
    try {
      T value = FeignCalls.call(call);
      Response answer = context.answer;
      Map<String, List<String>> headers = new LinkedHashMap<>();
      if (answer != null) {
        answer
            .headers()
            .forEach(
                (name, values) -> {
                  if (name != null && !name.equalsIgnoreCase(Requests.ATTEMPTS)) {
                    headers.put(name, new ArrayList<>(values));
                  }
                });
      }
      return new Outcome<>(
          value, answer == null ? 0 : answer.status(), headers, Math.max(context.attempts, 1));
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  /** The value of a call and the answer it came in. */
  public record Outcome<T>(T value, int status, Map<String, List<String>> headers, int attempts) {}

  static @Nullable CallContext current() {
    return CURRENT.get();
  }

  RequestOptions options() {
    return options;
  }

  void answered(Response response, int attempts) {
    this.answer = response;
    this.attempts = attempts;
  }
}
