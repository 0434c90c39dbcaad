package dev.worldsapi.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldsapi.client.ListWorldJobsParams;
import dev.worldsapi.client.RawResponse;
import dev.worldsapi.client.WorldsClient;
import dev.worldsapi.client.errors.RateLimitException;
import dev.worldsapi.client.model.WorldJob;
import dev.worldsapi.client.paging.Page;
import dev.worldsapi.client.retry.Sleeper;
import dev.worldsapi.server.ratelimit.RateLimit;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reference server with {@code --rate-limit}, and the real client against it: the server counts
 * the caller's requests, says where the caller stands on every answer, and answers 429 with {@code
 * Retry-After} past the limit; the client waits as asked and its retry gets through. Time is a
 * clock the test moves: the client's waits move the server's clock, so nothing sleeps.
 */
class RateLimitTest {

  private static final String TOKEN = "not-a-real-token-8d2a";

  private final MovingClock clock = new MovingClock(Instant.parse("2026-01-05T10:00:00Z"));
  private ReferenceServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void everyAnswerSaysWhereTheCallerStandsAndTheRequestPastTheLimitIsRefusedWithRetryAfter()
      throws Exception {
    start(new RateLimit(2, Duration.ofSeconds(60)));
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest list =
        HttpRequest.newBuilder(URI.create(base() + "/api/v1/org/demo/ws/sandbox/worlds/jobs"))
            .header("Authorization", "Bearer " + TOKEN)
            .build();

    HttpResponse<String> first = http.send(list, HttpResponse.BodyHandlers.ofString());
    clock.move(Duration.ofSeconds(20));
    HttpResponse<String> second = http.send(list, HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> refused = http.send(list, HttpResponse.BodyHandlers.ofString());

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("RateLimit-Policy")).contains("\"per-caller\";q=2;w=60");
    assertThat(first.headers().firstValue("RateLimit")).contains("\"per-caller\";r=1;t=60");
    assertThat(second.headers().firstValue("RateLimit")).contains("\"per-caller\";r=0;t=40");
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).contains("40");
    assertThat(refused.headers().firstValue("RateLimit")).contains("\"per-caller\";r=0;t=40");
    assertThat(refused.body())
        .contains("\"type\":\"rate_limit_error\"")
        .contains("at most 2 requests in 60 s for each caller; retry after 40 s");

    clock.move(Duration.ofSeconds(40));
    assertThat(http.send(list, HttpResponse.BodyHandlers.ofString()).statusCode())
        .as("a new window")
        .isEqualTo(200);
  }

  @Test
  void theClientWaitsAsTheServerSaysAndItsRetryGetsThrough() {
    start(new RateLimit(1, Duration.ofSeconds(30)));
    List<Duration> waits = new ArrayList<>();
    Sleeper sleeper =
        duration -> {
          waits.add(duration);
          clock.move(duration);
        };
    WorldsClient client = client(1, sleeper);

    client.jobs().list();
    RawResponse<Page<WorldJob>> second =
        client.jobs().withRawResponse().list(ListWorldJobsParams.builder().build());

    assertThat(waits).containsExactly(Duration.ofSeconds(30));
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.attempts()).isEqualTo(2);
    assertThat(second.header("RateLimit")).contains("\"per-caller\";r=0;t=30");
  }

  @Test
  void withoutRetriesTheCallerSeesTheWaitOnTheException() {
    start(new RateLimit(1, Duration.ofSeconds(30)));
    WorldsClient client =
        client(
            0,
            duration -> {
              throw new AssertionError("a client without retries waited " + duration);
            });
    client.jobs().list();

    try {
      client.jobs().list();
      throw new AssertionError("the second request in the window was not refused");
    } catch (RateLimitException refused) {
      assertThat(refused.retryAfter()).contains(Duration.ofSeconds(30));
      assertThat(refused.header("RateLimit-Policy")).contains("\"per-caller\";q=1;w=30");
    }
  }

  private void start(RateLimit limit) {
    server =
        ReferenceServer.start(
            ServerOptions.builder()
                .port(0)
                .token(TOKEN)
                .workerStep(Duration.ZERO)
                .rateLimit(limit)
                .build(),
            clock);
  }

  /** The real client on the server's clock, its waits made by {@code sleeper}. */
  private WorldsClient client(int maxRetries, Sleeper sleeper) {
    return WorldsClient.builder()
        .baseUrl(base())
        .token(TOKEN)
        .workspace(DemoData.ORG, DemoData.WORKSPACE)
        .clock(clock)
        .sleeper(sleeper)
        .maxRetries(maxRetries)
        .build();
  }

  private String base() {
    return "http://127.0.0.1:" + server.port();
  }

  /** A clock that stands still until the test moves it. */
  private static final class MovingClock extends Clock {
    private volatile Instant now;

    MovingClock(Instant start) {
      now = start;
    }

    void move(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
