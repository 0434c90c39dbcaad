package dev.worldsapi.contract.consumer;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.dsl.PactDslWithState;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.worldsapi.client.ListWorldJobsParams;
import dev.worldsapi.client.WorldsClient;
import dev.worldsapi.client.model.CreateWorldManifestRequest;
import dev.worldsapi.client.model.CreateWorldTrajectoryRequest;
import dev.worldsapi.client.model.JobKind;
import dev.worldsapi.client.model.JobStatus;
import dev.worldsapi.client.model.ResourceType;
import dev.worldsapi.client.model.WorldJob;
import dev.worldsapi.client.paging.Page;
import dev.worldsapi.contract.Contract;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the client relies on from a successful answer, stated by driving the real client. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Contract.PROVIDER, pactVersion = PactSpecVersion.V4)
class JobsPactTest {

  private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

  private static final String PROJECT_ID = "0d7b7c1e-4f4a-4b8e-9a3c-5e6f7a8b9c0d";
  private static final String USER_ID = "5f0c4b5e-3c1a-4c7e-9a55-2b9d3c1e7a10";

  private static PactDslRequestWithPath listJobs(PactDslWithState given, String description) {
    return ConsumerRequests.request(given, description, "GET", "/jobs", "/jobs");
  }

  private static PactDslJsonBody page(
      int page,
      int total,
      java.util.function.Consumer<au.com.dius.pact.consumer.dsl.LambdaDslObject> item) {
    return (PactDslJsonBody)
        newJsonBody(
                body -> {
                  body.minArrayLike("items", 1, item::accept);
                  body.integerType("page", page);
                  body.integerType("page_size", 20);
                  body.integerType("total", total);
                })
            .build();
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact firstPage(PactDslWithProvider builder) {
    return ConsumerRequests.pact(
        listJobs(
                ConsumerRequests.jobs(builder, Map.of("count", 40)),
                "a request for the first page of jobs")
            // The client asks for gzip; a provider may answer either way.
            .matchHeader("Accept-Encoding", "(.*,\\s*)?gzip(\\s*[,;].*)?", "gzip")
            .willRespondWith()
            .status(200)
            .headers(JSON)
            .body(page(1, 40, JobRecords::required)));
  }

  @Test
  @PactTestFor(pactMethod = "firstPage")
  void readsTheFirstPageOfJobs(MockServer mock) {
    Page<WorldJob> page = client(mock).jobs().list();

    assertThat(page.page()).isEqualTo(1);
    assertThat(page.total()).isEqualTo(40);
    assertThat(page.hasNextPage()).isTrue();
    WorldJob job = page.items().get(0);
    assertThat(job.id()).isEqualTo("job-7f3a9c");
    assertThat(job.kind()).isEqualTo(JobKind.MANIFEST_GENERATION);
    assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
    assertThat(job.resourceType()).contains(ResourceType.MANIFEST);
    assertThat(job.createdByUser().orElseThrow().username()).isEqualTo("developer");
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact lastPage(PactDslWithProvider builder) {
    return ConsumerRequests.pact(
        listJobs(
                ConsumerRequests.jobs(builder, Map.of("count", 40)),
                "a request for the last page of jobs")
            .query("page=2&page_size=20")
            .willRespondWith()
            .status(200)
            .headers(JSON)
            .body(page(2, 40, JobRecords::required)));
  }

  @Test
  @PactTestFor(pactMethod = "lastPage")
  void knowsTheLastPageHasNoNextPage(MockServer mock) {
    Page<WorldJob> page =
        client(mock).jobs().list(ListWorldJobsParams.builder().page(2).pageSize(20).build());

    assertThat(page.page()).isEqualTo(2);
    assertThat(page.items()).isNotEmpty();
    assertThat(page.hasNextPage()).isFalse();
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact emptyResult(PactDslWithProvider builder) {
    return ConsumerRequests.pact(
        listJobs(ConsumerRequests.aWorkspace(builder), "a request for jobs when there are none")
            .query("page=1&page_size=100")
            .willRespondWith()
            .status(200)
            .headers(JSON)
            .body(
                newJsonBody(
                        body -> {
                          body.array("items", items -> {});
                          body.integerType("page", 1);
                          body.integerType("page_size", 100);
                          body.numberValue("total", 0);
                        })
                    .build()));
  }

  @Test
  @PactTestFor(pactMethod = "emptyResult")
  void iteratesNothingWhenThereAreNoJobs(MockServer mock) {
    assertThat(client(mock).jobs().listAll().stream()).isEmpty();
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact byKind(PactDslWithProvider builder) {
    return ConsumerRequests.pact(
        listJobs(
                ConsumerRequests.jobs(
                    builder,
                    Map.of("count", 2, "kind", "trajectory_generation", "status", "running")),
                "a request for trajectory jobs")
            .query("kind=trajectory_generation")
            .willRespondWith()
            .status(200)
            .headers(JSON)
            .body(
                page(
                    1,
                    20,
                    job ->
                        JobRecords.required(
                            job,
                            "trajectory_generation",
                            "trajectory_generation",
                            JobRecords.STATUSES,
                            "running"))));
  }

  @Test
  @PactTestFor(pactMethod = "byKind")
  void filtersByKind(MockServer mock) {
    Page<WorldJob> page =
        client(mock)
            .jobs()
            .list(ListWorldJobsParams.builder().kind(JobKind.TRAJECTORY_GENERATION).build());

    assertThat(page.items())
        .allSatisfy(job -> assertThat(job.kind()).isEqualTo(JobKind.TRAJECTORY_GENERATION));
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact byStatus(PactDslWithProvider builder) {
    return ConsumerRequests.pact(
        listJobs(
                ConsumerRequests.jobs(builder, Map.of("count", 2, "status", "failed")),
                "a request for failed jobs")
            .query("status=failed")
            .willRespondWith()
            .status(200)
            .headers(JSON)
            .body(
                page(
                    1,
                    8,
                    job -> {
                      JobRecords.required(
                          job, JobRecords.KINDS, "manifest_generation", "failed", "failed");
                      job.stringType("error", "Manifest generation failed");
                    })));
  }

  @Test
  @PactTestFor(pactMethod = "byStatus")
  void filtersByStatusAndSeesTheError(MockServer mock) {
    Page<WorldJob> page =
        client(mock).jobs().list(ListWorldJobsParams.builder().status(JobStatus.FAILED).build());

    assertThat(page.items())
        .allSatisfy(
            job -> {
              assertThat(job.status()).isEqualTo(JobStatus.FAILED);
              assertThat(job.error().orElseThrow()).isNotBlank();
            });
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact byProject(PactDslWithProvider builder) {
    return ConsumerRequests.pact(
        listJobs(
                ConsumerRequests.jobs(builder, Map.of("project_id", PROJECT_ID)),
                "a request for the jobs of a project")
            .queryParameterFromProviderState("project_id", "${projectId}", PROJECT_ID)
            .willRespondWith()
            .status(200)
            .headers(JSON)
            .body(
                page(
                    1,
                    1,
                    job -> {
                      JobRecords.required(job);
                      job.stringMatcher("project_id", JobRecords.UUID, PROJECT_ID);
                    })));
  }

  @Test
  @PactTestFor(pactMethod = "byProject")
  void filtersByProject(MockServer mock) {
    Page<WorldJob> page =
        client(mock)
            .jobs()
            .list(ListWorldJobsParams.builder().projectId(UUID.fromString(PROJECT_ID)).build());

    assertThat(page.items()).allSatisfy(job -> assertThat(job.projectId()).contains(PROJECT_ID));
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact byCreator(PactDslWithProvider builder) {
    return ConsumerRequests.pact(
        listJobs(ConsumerRequests.jobs(builder, Map.of()), "a request for the jobs of one creator")
            .queryParameterFromProviderState("created_by", "${createdBy}", USER_ID)
            .willRespondWith()
            .status(200)
            .headers(JSON)
            .body(
                page(
                    1,
                    40,
                    job -> {
                      JobRecords.required(job);
                      job.stringMatcher("created_by", JobRecords.UUID, USER_ID);
                    })));
  }

  @Test
  @PactTestFor(pactMethod = "byCreator")
  void filtersByCreator(MockServer mock) {
    Page<WorldJob> page =
        client(mock).jobs().list(ListWorldJobsParams.builder().createdBy(USER_ID).build());

    assertThat(page.items()).allSatisfy(job -> assertThat(job.createdBy()).contains(USER_ID));
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact queuedJob(PactDslWithProvider builder) {
    return ConsumerRequests.pact(
        ConsumerRequests.request(
                ConsumerRequests.jobs(builder, Map.of("status", "queued")),
                "a request for a queued job",
                "GET",
                "/jobs/${jobId}",
                "/jobs/job-queued")
            .willRespondWith()
            .status(200)
            .headers(JSON)
            .body(newJsonBody(JobRecords::queued).build()));
  }

  @Test
  @PactTestFor(pactMethod = "queuedJob")
  void readsAJobWhoseLifecycleFieldsAreNull(MockServer mock) {
    WorldJob job = client(mock).jobs().get("job-queued");

    assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
    assertThat(job.startedAt()).isEmpty();
    assertThat(job.completedAt()).isEmpty();
    assertThat(job.resourceId()).isEmpty();
    assertThat(job.progress()).isEmpty();
    assertThat(job.error()).isEmpty();
    assertThat(job.hasStartedAt()).as("sent as null, not left out").isTrue();
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact completedJob(PactDslWithProvider builder) {
    return ConsumerRequests.pact(
        ConsumerRequests.request(
                ConsumerRequests.jobs(builder, Map.of("status", "completed")),
                "a request for a completed job",
                "GET",
                "/jobs/${jobId}",
                "/jobs/job-completed")
            .willRespondWith()
            .status(200)
            .headers(JSON)
            .body(newJsonBody(JobRecords::completedManifest).build()));
  }

  @Test
  @PactTestFor(pactMethod = "completedJob")
  void readsAJobWhoseLifecycleFieldsAreSet(MockServer mock) {
    WorldJob job = client(mock).jobs().get("job-completed");

    assertThat(job.status().isTerminal()).isTrue();
    assertThat(job.completedAt().orElseThrow()).isAfter(job.startedAt().orElseThrow());
    assertThat(job.resourceId()).contains((String) job.result().orElseThrow().get("manifest_id"));
    assertThat(job.progress()).contains(1.0);
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact cancelQueued(PactDslWithProvider builder) {
    return ConsumerRequests.pact(
        ConsumerRequests.request(
                ConsumerRequests.jobs(builder, Map.of("status", "queued")),
                "a request to cancel a queued job",
                "POST",
                "/jobs/${jobId}/cancel",
                "/jobs/job-queued/cancel")
            .willRespondWith()
            .status(200)
            .headers(JSON)
            .body(
                newJsonBody(
                        job -> {
                          JobRecords.required(
                              job,
                              JobRecords.KINDS,
                              "manifest_generation",
                              "cancelled",
                              "cancelled");
                          job.stringMatcher(
                              "cancel_requested_at", JobRecords.TIMESTAMP, "2026-01-05T10:16:00Z");
                          job.stringMatcher(
                              "completed_at", JobRecords.TIMESTAMP, "2026-01-05T10:16:00Z");
                        })
                    .build()));
  }

  @Test
  @PactTestFor(pactMethod = "cancelQueued")
  void cancelsAQueuedJob(MockServer mock) {
    WorldJob job = client(mock).jobs().cancel("job-queued");

    assertThat(job.status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(job.cancelRequestedAt()).isPresent();
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact createManifest(PactDslWithProvider builder) {
    return ConsumerRequests.pact(
        ConsumerRequests.request(
                ConsumerRequests.aWorkspace(builder),
                "a request to generate a manifest",
                "POST",
                "/manifests",
                "/manifests")
            .headers("Content-Type", "application/json")
            // A fresh key per create, so the client may retry it after an ambiguous failure.
            .matchHeader("Idempotency-Key", "[0-9a-f-]{36}", "5f8e3c2a-9b1d-4e7f-a6c3-2d4b8e1f0a97")
            .body(
                newJsonBody(
                        body -> {
                          body.stringValue("name", "lab");
                          body.stringValue("preset", "small");
                          body.array("domains", domains -> domains.stringValue("acme.local"));
                        })
                    .build())
            .willRespondWith()
            .status(200)
            .headers(JSON)
            .body(
                newJsonBody(
                        job ->
                            JobRecords.required(
                                job,
                                "manifest_generation",
                                "manifest_generation",
                                "queued",
                                "queued"))
                    .build()));
  }

  @Test
  @PactTestFor(pactMethod = "createManifest")
  void createsAManifestJob(MockServer mock) {
    WorldJob job =
        client(mock)
            .manifests()
            .create(
                CreateWorldManifestRequest.builder()
                    .name("lab")
                    .preset(CreateWorldManifestRequest.PresetEnum.SMALL)
                    .domains(List.of("acme.local"))
                    .build());

    assertThat(job.kind()).isEqualTo(JobKind.MANIFEST_GENERATION);
    assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact createTrajectory(PactDslWithProvider builder) {
    return ConsumerRequests.pact(
        ConsumerRequests.request(
                ConsumerRequests.jobs(
                    builder, Map.of("kind", "manifest_generation", "status", "completed")),
                "a request to generate trajectories",
                "POST",
                "/trajectories",
                "/trajectories")
            .headers("Content-Type", "application/json")
            .matchHeader("Idempotency-Key", "[0-9a-f-]{36}", "0c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f")
            .body(
                new PactDslJsonBody()
                    .valueFromProviderState(
                        "manifest_id", "${manifestId}", "9b2f6a3e-1c4d-4e5f-8a7b-0c1d2e3f4a5b")
                    .numberValue("count", 3)
                    .stringValue("strategy", "greedy"))
            .willRespondWith()
            .status(200)
            .headers(JSON)
            .body(
                newJsonBody(
                        job ->
                            JobRecords.required(
                                job,
                                "trajectory_generation",
                                "trajectory_generation",
                                "queued",
                                "queued"))
                    .build()));
  }

  @Test
  @PactTestFor(pactMethod = "createTrajectory")
  void createsATrajectoryJob(MockServer mock) {
    WorldJob job =
        client(mock)
            .trajectories()
            .create(
                CreateWorldTrajectoryRequest.builder()
                    .manifestId(UUID.fromString("9b2f6a3e-1c4d-4e5f-8a7b-0c1d2e3f4a5b"))
                    .count(3)
                    .strategy(CreateWorldTrajectoryRequest.StrategyEnum.GREEDY)
                    .build());

    assertThat(job.kind()).isEqualTo(JobKind.TRAJECTORY_GENERATION);
  }

  private static WorldsClient client(MockServer mock) {
    return ConsumerRequests.client(mock);
  }
}
