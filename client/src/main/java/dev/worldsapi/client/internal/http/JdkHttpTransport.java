package dev.worldsapi.client.internal.http;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The default transport: the JDK's {@code java.net.http} client, so the client needs no other HTTP
 * library at run time. HTTP/1.1, no redirects (a redirect must not carry the token to another
 * host). The read timeout bounds the whole response, body included, so a server that trickles bytes
 * cannot hang a call. Thread-safe.
 */
public final class JdkHttpTransport implements Client {

  // java.net.http sets these itself and refuses them from callers.
  private static final Set<String> RESTRICTED_HEADERS =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final HttpClient http;

  public JdkHttpTransport(Duration connectTimeout) {
    this(connectTimeout, null);
  }

  /**
   * @param proxy chooses the proxy for each request; {@code null} for none
   */
  public JdkHttpTransport(Duration connectTimeout, @Nullable ProxySelector proxy) {
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(connectTimeout);
    if (proxy != null) {
      builder.proxy(proxy);
    }
    this.http = builder.build();
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(request.url()))
            .method(
                request.httpMethod().name(),
                request.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(request.body()));
    request
        .headers()
        .forEach(
            (name, values) -> {
              if (!RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> builder.header(name, value));
              }
            });

    CompletableFuture<HttpResponse<byte[]>> exchange =
        http.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    HttpResponse<byte[]> response;
    try {
      response = exchange.get(options.readTimeoutMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw new HttpTimeoutException(
          "no complete response within the read timeout of " + options.readTimeoutMillis() + " ms");
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the response");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException(e.getCause());
    }

    return Response.builder()
        .request(request)
        .status(response.statusCode())
        .reason("")
        .headers(headers(response.headers().map()))
        .body(response.body())
        .build();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Map<String, Collection<String>> headers(Map<String, List<String>> headers) {
    return (Map) headers;
  }
}
