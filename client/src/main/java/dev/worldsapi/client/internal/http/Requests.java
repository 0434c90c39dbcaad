package dev.worldsapi.client.internal.http;

import feign.Request;
import feign.Response;
import feign.Util;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Small helpers over Feign's request and response types. */
final class Requests {

  private Requests() {}

  /** {@code GET http://host:port/path?query}, for messages: never user info. */
  static String describe(Request request) {
    URI uri = URI.create(request.url());
    int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    return request.httpMethod()
        + " "
        + uri.getScheme()
        + "://"
        + uri.getHost()
        + ":"
        + port
        + pathOf(request);
  }

  /** The path and query of a request, for messages: no scheme, host or user info. */
  static String pathOf(Request request) {
    URI uri = URI.create(request.url());
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
  }

  /** Whether {@code name} is an HTTP token (RFC 9110 section 5.6.2), as header names must be. */
  static boolean isToken(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean alnum = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
      if (!alnum && "!#$%&'*+-.^_`|~".indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /** A response's headers as sent, in a map of the caller's own. */
  static Map<String, List<String>> headersOf(Response response) {
    Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
    response
        .headers()
        .forEach(
            (name, values) -> {
              if (name != null) {
                headers.put(name, new java.util.ArrayList<>(values));
              }
            });
    return headers;
  }

  /** The first value of a header, matched case-insensitively. */
  static @Nullable String header(Map<String, Collection<String>> headers, String name) {
    for (Map.Entry<String, Collection<String>> entry : headers.entrySet()) {
      if (entry.getKey() != null
          && entry.getKey().equalsIgnoreCase(name)
          && !entry.getValue().isEmpty()) {
        return entry.getValue().iterator().next();
      }
    }
    return null;
  }

  /** The request with one header set to a single value, replacing any value it had. */
  static Request withHeader(Request request, String name, String value) {
    Map<String, Collection<String>> headers = new HashMap<>();
    request
        .headers()
        .forEach(
            (key, values) -> {
              if (!key.equalsIgnoreCase(name)) {
                headers.put(key, values);
              }
            });
    headers.put(name, java.util.List.of(value));
    return Request.create(
        request.httpMethod(),
        request.url(),
        headers,
        request.body(),
        request.charset(),
        request.requestTemplate());
  }

  /** The request with extra headers (replacing any of the same name) and query parameters. */
  static Request withExtras(
      Request request, Map<String, String> headers, Map<String, List<String>> query) {
    if (headers.isEmpty() && query.isEmpty()) {
      return request;
    }
    Request changed = request;
    for (Map.Entry<String, String> header : headers.entrySet()) {
      changed = withHeader(changed, header.getKey(), header.getValue());
    }
    if (query.isEmpty()) {
      return changed;
    }
    StringBuilder url = new StringBuilder(changed.url());
    char separator = changed.url().contains("?") ? '&' : '?';
    for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
      for (String value : parameter.getValue()) {
        url.append(separator)
            .append(
                URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8).replace("+", "%20"))
            .append('=')
            .append(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
        separator = '&';
      }
    }
    return Request.create(
        changed.httpMethod(),
        url.toString(),
        changed.headers(),
        changed.body(),
        changed.charset(),
        changed.requestTemplate());
  }

  /** Reads the whole body, so that it can be read again and a read failure surfaces here. */
  static Response buffered(Response response) throws IOException {
    if (response.body() == null) {
      return response.toBuilder().body(new byte[0]).build();
    }
    if (response.body().isRepeatable()) {
      return response;
    }
    try (Response.Body body = response.body()) {
      return response.toBuilder().body(Util.toByteArray(body.asInputStream())).build();
    }
  }

  static byte[] bodyOf(Response response) throws IOException {
    Response.Body body = response.body();
    if (body == null) {
      return new byte[0];
    }
    try (java.io.InputStream in = body.asInputStream()) {
      // A known length reads into one array of that size, not a growing buffer and its copy.
      return body.length() == null ? in.readAllBytes() : in.readNBytes(body.length());
    }
  }
}
