package dev.worldsapi.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.worldsapi.conformance.SpecResponses;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A black-box HTTP client for tests: raw requests, raw answers, each answer checked against the
 * spec (declared status, schema, envelope) so that any test that provokes a non-conforming answer
 * fails.
 */
final class Http {

  static final String JOBS = "/api/v1/org/demo/ws/sandbox/worlds/jobs";
  static final String MANIFESTS = "/api/v1/org/demo/ws/sandbox/worlds/manifests";
  static final String TRAJECTORIES = "/api/v1/org/demo/ws/sandbox/worlds/trajectories";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  record Reply(int status, Map<String, List<String>> headers, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + status + "): " + body, e);
      }
    }

    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  private final int port;
  private final String token;

  Http(int port, String token) {
    this.port = port;
    this.token = token;
  }

  Reply get(String path) {
    return send("GET", path, null);
  }

  Reply post(String path, String json) {
    return send("POST", path, json);
  }

  Reply send(String method, String path, String body, String... headers) {
    List<String> all = new ArrayList<>(List.of(headers));
    if (token != null) {
      all.addAll(List.of("Authorization", "Bearer " + token));
    }
    if (body != null && !List.of(headers).contains("Content-Type")) {
      all.addAll(List.of("Content-Type", "application/json"));
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < all.size(); i += 2) {
      request.header(all.get(i), all.get(i + 1));
    }
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      List<String> problems =
          SpecResponses.packaged()
              .check(
                  method, path, response.statusCode(), response.headers().map(), response.body());
      if (!problems.isEmpty()) {
        throw new AssertionError(
            method
                + " "
                + path
                + " answered "
                + response.statusCode()
                + " against the spec:\n - "
                + String.join("\n - ", problems)
                + "\n"
                + response.body());
      }
      return new Reply(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new AssertionError(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
