package dev.worldsapi.client.internal.http;

import dev.worldsapi.client.RequestOptions;
import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.util.Map;

/**
 * The top of the client stack under Feign: one attempt of a call. Adds the call's own headers and
 * query parameters, reads the whole body (so that a reset in the middle of it fails this attempt,
 * not the decoding after it) and reports a failed exchange as an {@link AttemptFailure} carrying
 * the request it was, which Feign passes through unwrapped to the {@link CallPipeline}. The attempt
 * is observed ({@link Telemetry.Attempt}), and the trace context it is given goes out with it.
 */
final class AttemptClient implements Client {

  private final Client delegate;

  AttemptClient(Client delegate) {
    this.delegate = delegate;
  }

  @Override
  public Response execute(Request request, Request.Options options) {
    RequestOptions call = CallOptions.of(options);
    Request withExtras = Requests.withExtras(request, call.headers(), call.queryParams());
    Telemetry.Attempt observed =
        CallOptions.attempt(
            options,
            withExtras.httpMethod().name(),
            withExtras.url(),
            Requests.header(withExtras.headers(), "Idempotency-Key") != null);
    Map<String, String> context = observed.headers();
    Request sent =
        context.isEmpty() ? withExtras : Requests.withExtras(withExtras, context, Map.of());
    try {
      Response response = Requests.buffered(delegate.execute(sent, options));
      observed.answered(response.status());
      return response;
    } catch (IOException failure) {
      observed.failed(failure);
      throw new AttemptFailure(sent, failure);
    } catch (RuntimeException failure) {
      observed.failed(failure);
      throw failure;
    }
  }

  /** An attempt that got no response. */
  static final class AttemptFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Request request;

    AttemptFailure(Request request, IOException failure) {
      super(failure.getMessage(), failure, false, false);
      this.request = request;
    }

    Request request() {
      return request;
    }

    IOException failure() {
      return (IOException) getCause();
    }
  }
}
