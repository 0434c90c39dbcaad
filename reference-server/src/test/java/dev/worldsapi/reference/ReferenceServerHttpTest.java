package dev.worldsapi.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldsapi.reference.controls.Fault;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The started reference server over real HTTP. The worker is frozen so that each test moves jobs on
 * by calling {@code worker().step()}, and sees every state it asserts.
 */
class ReferenceServerHttpTest {

  private static final String TOKEN = "not-a-real-token-31f0";

  private static ReferenceServer server;
  private static Http http;

  @BeforeAll
  static void start() {
    server =
        ReferenceServer.start(new ServerOptions(0, TOKEN, true, Duration.ZERO).withTestMode(true));
    http = new Http(server.port(), TOKEN);
  }

  /**
   * Each test starts from the seeded demo data and no simulated failures, as a fresh server would.
   */
  @BeforeEach
  void freshData() {
    server.reset(true);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void manifestJobGoesQueuedRunningCompletedWithItsResource() {
    JsonNode job = created(http.post(Http.MANIFESTS, "{\"name\": \"lab\", \"preset\": \"small\"}"));
    String id = job.get("id").asText();
    assertThat(job.get("status").asText()).isEqualTo("queued");
    assertThat(job.get("kind").asText()).isEqualTo("manifest_generation");
    assertThat(job.get("created_by_user").get("username").asText()).isEqualTo("developer");

    server.worker().step();
    JsonNode running = http.get(Http.JOBS + "/" + id).json();
    assertThat(running.get("status").asText()).isEqualTo("running");
    assertThat(running.get("progress").asDouble()).isZero();
    assertThat(running.has("started_at")).isTrue();

    double lastProgress = 0;
    for (int i = 0; i < JobStore.STEPS - 1; i++) {
      server.worker().step();
      JsonNode now = http.get(Http.JOBS + "/" + id).json();
      assertThat(now.get("status").asText()).isEqualTo("running");
      assertThat(now.get("progress").asDouble()).isGreaterThan(lastProgress).isLessThan(1.0);
      lastProgress = now.get("progress").asDouble();
    }
    server.worker().step();
    JsonNode done = http.get(Http.JOBS + "/" + id).json();
    assertThat(done.get("status").asText()).isEqualTo("completed");
    assertThat(done.get("progress").asDouble()).isEqualTo(1.0);
    assertThat(done.get("resource_type").asText()).isEqualTo("manifest");
    assertThat(done.get("result").get("manifest_id").asText())
        .isEqualTo(done.get("resource_id").asText());
    assertThat(OffsetDateTime.parse(done.get("completed_at").asText()))
        .isAfterOrEqualTo(OffsetDateTime.parse(done.get("started_at").asText()));
  }

  @Test
  void jobThatFailsCarriesItsError() {
    String id =
        created(http.post(Http.MANIFESTS, "{\"name\": \"failing lab\"}")).get("id").asText();
    stepUntilDone();

    JsonNode failed = http.get(Http.JOBS + "/" + id).json();
    assertThat(failed.get("status").asText()).isEqualTo("failed");
    assertThat(failed.get("error").asText()).startsWith("Manifest generation failed");
    assertThat(failed.get("resource_id").isNull()).isTrue();
  }

  @Test
  void trajectoryFromACompletedManifestProducesABatchWhenCountIsAboveOne() {
    String manifestJob = created(http.post(Http.MANIFESTS, "{}")).get("id").asText();
    stepUntilDone();
    String manifest = http.get(Http.JOBS + "/" + manifestJob).json().get("resource_id").asText();

    JsonNode job =
        created(
            http.post(Http.TRAJECTORIES, "{\"manifest_id\": \"" + manifest + "\", \"count\": 3}"));
    assertThat(job.get("kind").asText()).isEqualTo("trajectory_generation");
    stepUntilDone();

    JsonNode done = http.get(Http.JOBS + "/" + job.get("id").asText()).json();
    assertThat(done.get("resource_type").asText()).isEqualTo("trajectory_batch");
    assertThat(done.get("result").get("trajectory_ids")).hasSize(3);
  }

  @Test
  void trajectoryRulesBeyondTheSchemaAre422() {
    Http.Reply agent =
        http.post(
            Http.TRAJECTORIES,
            "{\"manifest_id\": \"" + UUID.randomUUID() + "\", \"mode\": \"agent\"}");

    assertThat(agent.status()).isEqualTo(422);
    assertThat(
            StreamSupport.stream(agent.json().get("errors").spliterator(), false)
                .map(e -> e.get("loc").toString())
                .toList())
        .containsExactly(
            "[\"body\",\"runtime_id\"]",
            "[\"body\",\"capability_name\"]",
            "[\"body\",\"manifest_id\"]");
    assertThat(agent.json().at("/errors/2/type").asText()).isEqualTo("manifest_not_found");
  }

  @Test
  void cancellingAQueuedJobCancelsItAtOnce() {
    String id = created(http.post(Http.MANIFESTS, "{}")).get("id").asText();

    JsonNode cancelled = http.post(Http.JOBS + "/" + id + "/cancel", null).json();

    assertThat(cancelled.get("status").asText()).isEqualTo("cancelled");
    assertThat(cancelled.has("cancel_requested_at")).isTrue();
    assertThat(cancelled.has("completed_at")).isTrue();
    server.worker().step();
    assertThat(http.get(Http.JOBS + "/" + id).json().get("status").asText()).isEqualTo("cancelled");
  }

  @Test
  void cancellingARunningJobRecordsTheRequestAndTheWorkerStopsAtItsNextStep() {
    String id = created(http.post(Http.MANIFESTS, "{}")).get("id").asText();
    server.worker().step();

    JsonNode requested = http.post(Http.JOBS + "/" + id + "/cancel", null).json();
    assertThat(requested.get("status").asText()).isEqualTo("running");
    assertThat(requested.has("cancel_requested_at")).isTrue();

    server.worker().step();
    JsonNode cancelled = http.get(Http.JOBS + "/" + id).json();
    assertThat(cancelled.get("status").asText()).isEqualTo("cancelled");
    assertThat(cancelled.get("resource_id").isNull()).isTrue();
  }

  @Test
  void cancellingATerminalJobIs409() {
    String id = created(http.post(Http.MANIFESTS, "{}")).get("id").asText();
    stepUntilDone();

    Http.Reply reply = http.post(Http.JOBS + "/" + id + "/cancel", null);

    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.json().get("type").asText()).isEqualTo("conflict_error");
    assertThat(reply.json().get("detail").asText()).isEqualTo("Job is already completed");
  }

  @Test
  void listsNewestFirst() {
    created(http.post(Http.MANIFESTS, "{}"));
    String newest = created(http.post(Http.MANIFESTS, "{}")).get("id").asText();

    JsonNode items = http.get(Http.JOBS + "?page_size=100").json().get("items");

    assertThat(items.get(0).get("id").asText()).isEqualTo(newest);
    List<OffsetDateTime> created =
        StreamSupport.stream(items.spliterator(), false)
            .map(job -> OffsetDateTime.parse(job.get("created_at").asText()))
            .toList();
    assertThat(created).isSortedAccordingTo((a, b) -> b.compareTo(a));
  }

  @Test
  void filtersByProjectAndCreator() {
    String project = UUID.randomUUID().toString();
    String inProject =
        created(http.post(Http.MANIFESTS, "{\"project_id\": \"" + project + "\"}"))
            .get("id")
            .asText();

    JsonNode byProject = http.get(Http.JOBS + "?project_id=" + project).json();
    JsonNode byCreator = http.get(Http.JOBS + "?created_by=" + DemoData.DEVELOPER.getId()).json();
    JsonNode byNobody = http.get(Http.JOBS + "?created_by=someone-else").json();

    assertThat(byProject.get("total").asInt()).isEqualTo(1);
    assertThat(byProject.at("/items/0/id").asText()).isEqualTo(inProject);
    assertThat(byCreator.get("total").asInt()).isEqualTo(DemoData.SEEDED_JOBS + 1);
    assertThat(byNobody.get("total").asInt()).isZero();
    assertThat(byNobody.get("items")).isEmpty();
  }

  @Test
  void twentyThreadsCreatingAndCancellingLoseAndDuplicateNothing() throws Exception {
    int threads = 20;
    int perThread = 10;
    List<Thread> workers = new ArrayList<>();
    List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
    List<String> cancelled = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Integer> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    Thread ticker =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                server.worker().step();
              }
            });
    ticker.start();
    for (int t = 0; t < threads; t++) {
      Thread worker =
          new Thread(
              () -> {
                for (int i = 0; i < perThread; i++) {
                  Http.Reply reply = http.post(Http.MANIFESTS, "{}");
                  if (reply.status() != 200) {
                    failures.add(reply.status());
                    continue;
                  }
                  String id = reply.json().get("id").asText();
                  ids.add(id);
                  if (i % 2 == 0) {
                    int status = http.post(Http.JOBS + "/" + id + "/cancel", null).status();
                    if (status == 200) {
                      cancelled.add(id);
                    } else if (status != 409) {
                      failures.add(status);
                    }
                  }
                }
              });
      workers.add(worker);
      worker.start();
    }
    for (Thread worker : workers) {
      worker.join(60_000);
    }
    ticker.interrupt();
    ticker.join(10_000);
    for (int i = 0; i < 2 * JobStore.STEPS; i++) {
      server.worker().step();
    }

    assertThat(failures).isEmpty();
    assertThat(ids).hasSize(threads * perThread).doesNotHaveDuplicates();
    JsonNode all = http.get(Http.JOBS + "?page_size=100&page=1").json();
    assertThat(all.get("total").asInt()).isEqualTo(DemoData.SEEDED_JOBS + threads * perThread);
    assertThat(server.store().size()).isEqualTo(DemoData.SEEDED_JOBS + threads * perThread);
    for (String id : cancelled) {
      assertThat(http.get(Http.JOBS + "/" + id).json().get("status").asText())
          .as(id)
          .isEqualTo("cancelled");
    }
    int listedAcrossPages = 0;
    for (int page = 1; page <= 3; page++) {
      listedAcrossPages +=
          http.get(Http.JOBS + "?page_size=100&page=" + page).json().get("items").size();
    }
    assertThat(listedAcrossPages).isEqualTo(DemoData.SEEDED_JOBS + threads * perThread);
  }

  @Test
  void simulatedFailuresAnswerTheNextRequestsThenStop() {
    server.controls().faults().arm(Fault.badGateway(), 1);
    Http.Reply failed = http.get(Http.JOBS);
    server.controls().faults().arm(Fault.status(429), 1);
    Http.Reply limited = http.get(Http.JOBS);

    assertThat(failed.status()).isEqualTo(502);
    assertThat(failed.json().get("type").asText()).isEqualTo("bad_gateway");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isEqualTo("1");
    assertThat(http.get(Http.JOBS).status()).isEqualTo(200);
  }

  @Test
  void resetForgetsJobsAndReseedsOnRequest() {
    created(http.post(Http.MANIFESTS, "{}"));

    server.reset(false);
    assertThat(http.get(Http.JOBS).json().get("total").asInt()).isZero();
    server.reset(true);
    assertThat(http.get(Http.JOBS).json().get("total").asInt()).isEqualTo(DemoData.SEEDED_JOBS);
  }

  private static JsonNode created(Http.Reply reply) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  private void stepUntilDone() {
    for (int i = 0; i <= JobStore.STEPS; i++) {
      server.worker().step();
    }
  }
}
