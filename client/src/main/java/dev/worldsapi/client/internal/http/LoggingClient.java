package dev.worldsapi.client.internal.http;

import dev.worldsapi.client.LogLevel;
import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each HTTP attempt to the SLF4J logger {@code dev.worldsapi.client.http} at INFO, as much as
 * the {@link LogLevel} asks for. Credentials are never logged: the values of {@code Authorization},
 * {@code Proxy-Authorization}, {@code Cookie} and {@code Set-Cookie} are replaced by {@code
 * <redacted>}.
 */
public final class LoggingClient implements Client {

  static final String LOGGER_NAME = "dev.worldsapi.client.http";
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);
  private static final Set<String> SENSITIVE =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");
  private static final int MAX_LOGGED_BODY = 16 * 1024;

  private final Client delegate;
  private final LogLevel level;

  public LoggingClient(Client delegate, LogLevel level) {
    this.delegate = delegate;
    this.level = level;
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    if (level == LogLevel.NONE) {
      return delegate.execute(request, options);
    }
    String target = request.httpMethod() + " " + request.url();
    LOG.info("--> {}", target);
    if (level.compareTo(LogLevel.HEADERS) >= 0) {
      logHeaders(">", request.headers());
    }
    if (level == LogLevel.BODY && request.body() != null) {
      LOG.info("> {}", text(request.body()));
    }
    long start = System.nanoTime();
    Response response;
    try {
      response = delegate.execute(request, options);
      if (level == LogLevel.BODY) {
        response = Requests.buffered(response);
      }
    } catch (IOException e) {
      LOG.info("<-- {} failed after {} ms: {}", target, elapsedMillis(start), e.toString());
      throw e;
    }
    LOG.info("<-- {} {} ({} ms)", response.status(), target, elapsedMillis(start));
    if (level.compareTo(LogLevel.HEADERS) >= 0) {
      logHeaders("<", response.headers());
    }
    if (level == LogLevel.BODY) {
      LOG.info("< {}", text(Requests.bodyOf(response)));
    }
    return response;
  }

  private static void logHeaders(String direction, Map<String, Collection<String>> headers) {
    headers.forEach(
        (name, values) -> {
          boolean sensitive = SENSITIVE.contains(name.toLowerCase(java.util.Locale.ROOT));
          for (String value : values) {
            LOG.info("{} {}: {}", direction, name, sensitive ? "<redacted>" : value);
          }
        });
  }

  private static String text(byte[] body) {
    if (body.length <= MAX_LOGGED_BODY) {
      return new String(body, StandardCharsets.UTF_8);
    }
    return new String(body, 0, MAX_LOGGED_BODY, StandardCharsets.UTF_8)
        + "... ("
        + body.length
        + " bytes)";
  }

  private static long elapsedMillis(long start) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }
}
