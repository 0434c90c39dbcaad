package dev.worldsapi.benchmarks;

import dev.worldsapi.reference.DemoData;
import dev.worldsapi.reference.ReferenceServer;
import dev.worldsapi.reference.ServerOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Response bodies the benchmarks serve: taken from the reference server, so they are real. */
final class Fixtures {

  // The reference server's documented development token, on loopback only.
  static final String TOKEN = ServerOptions.DEFAULT_TOKEN;
  static final String ORG = DemoData.ORG;
  static final String WORKSPACE = DemoData.WORKSPACE;
  static final String JOBS = "/api/v1/org/" + ORG + "/ws/" + WORKSPACE + "/worlds/jobs";

  private Fixtures() {}

  /** The reference server's answer to a list of 20 seeded jobs, as bytes. */
  static byte[] listPage(int pageSize) {
    try (ReferenceServer server =
        ReferenceServer.start(new ServerOptions(0, TOKEN, true, Duration.ofHours(1)))) {
      HttpResponse<byte[]> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://127.0.0.1:"
                                  + server.port()
                                  + JOBS
                                  + "?page=1&page_size="
                                  + pageSize))
                      .header("Authorization", "Bearer " + TOKEN)
                      .build(),
                  HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("the reference server answered " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
