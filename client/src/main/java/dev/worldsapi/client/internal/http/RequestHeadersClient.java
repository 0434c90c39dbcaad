package dev.worldsapi.client.internal.http;

import dev.worldsapi.client.errors.WorldsException;
import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * Sets the client's own headers on each attempt: {@code User-Agent}, and {@code Authorization:
 * Bearer <token>} with the token supplier asked anew every time, so a token that expires during a
 * long retry wait is refreshed. Set here rather than in Feign's request template, which would read
 * braces in a value as a template expression. Never logs or reports the token.
 */
public final class RequestHeadersClient implements Client {

  private final Client delegate;
  private final Supplier<String> tokens;
  private final String userAgent;

  public RequestHeadersClient(Client delegate, Supplier<String> tokens, String userAgent) {
    this.delegate = delegate;
    this.tokens = tokens;
    this.userAgent = userAgent;
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    Request withHeaders =
        Requests.withHeader(
            Requests.withHeader(request, "User-Agent", userAgent),
            "Authorization",
            "Bearer " + token());
    return delegate.execute(withHeaders, options);
  }

  private String token() {
    String token;
    try {
      token = tokens.get();
    } catch (RuntimeException e) {
      throw new WorldsException("the token supplier failed: " + e.getClass().getSimpleName(), e);
    }
    if (token == null || token.isBlank()) {
      throw new WorldsException("the token supplier returned no token");
    }
    if (token.chars().anyMatch(c -> c == '\r' || c == '\n')) {
      throw new WorldsException("the token supplier returned a token with a line break");
    }
    return token.strip();
  }
}
