package dev.worldsapi.resteasy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.worldsapi.reference.ReferenceServer;
import dev.worldsapi.reference.ServerOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The reference server on Jersey (its jar, in a process of its own) and on RESTEasy (here), seeded
 * alike with the worker frozen, and the comparison the differential tests make of their answers.
 */
public final class BothImplementations implements AutoCloseable {

  /** The headers that must be the same, byte for byte. */
  private static final List<String> COMPARED_HEADERS =
      List.of("Allow", "WWW-Authenticate", "Retry-After", "Content-Type");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JerseyReferenceProcess jersey;
  private final ReferenceServer resteasy;

  private BothImplementations(JerseyReferenceProcess jersey, ReferenceServer resteasy) {
    this.jersey = jersey;
    this.resteasy = resteasy;
  }

  public static BothImplementations start(String token) throws Exception {
    JerseyReferenceProcess jersey = JerseyReferenceProcess.start(token);
    try {
      return new BothImplementations(
          jersey, ReferenceServer.start(new ServerOptions(0, token, true, Duration.ZERO)));
    } catch (RuntimeException e) {
      jersey.close();
      throw e;
    }
  }

  public int jerseyPort() {
    return jersey.port();
  }

  public int resteasyPort() {
    return resteasy.port();
  }

  /** One answer: its status, headers and body. */
  public record Answer(int status, Map<String, List<String>> headers, String body) {}

  /**
   * The same status, the same values of the compared headers and, for a failure, the same envelope;
   * {@code where} names the request in the failure message.
   */
  public static void assertAlike(String where, Answer jersey, Answer resteasy) throws IOException {
    assertThat(resteasy.status()).as("status of " + where).isEqualTo(jersey.status());
    for (String header : COMPARED_HEADERS) {
      assertThat(values(resteasy.headers(), header))
          .as(header + " of " + where)
          .isEqualTo(values(jersey.headers(), header));
    }
    if (jersey.status() >= 400) {
      assertThat(JSON.readTree(resteasy.body()))
          .as("envelope of " + where)
          .isEqualTo(JSON.readTree(jersey.body()));
    }
  }

  /** A header's values as sent, the name matched without regard to case. */
  private static List<String> values(Map<String, List<String>> headers, String name) {
    List<String> values = new ArrayList<>();
    headers.forEach(
        (key, list) -> {
          if (key.equalsIgnoreCase(name)) {
            values.addAll(list);
          }
        });
    return values;
  }

  @Override
  public void close() throws InterruptedException {
    resteasy.close();
    jersey.close();
  }
}
