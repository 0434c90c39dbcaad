package dev.worldsapi.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.worldsapi.client.ListWorldJobsParams;
import dev.worldsapi.client.WorldsClient;
import dev.worldsapi.client.errors.BadGatewayException;
import dev.worldsapi.client.errors.GatewayTimeoutException;
import dev.worldsapi.client.errors.InternalServerException;
import dev.worldsapi.client.errors.NotFoundException;
import dev.worldsapi.client.errors.PermissionDeniedException;
import dev.worldsapi.client.errors.WorldsTimeoutException;
import dev.worldsapi.client.model.CreateWorldManifestRequest;
import dev.worldsapi.client.model.JobKind;
import dev.worldsapi.client.model.JobStatus;
import dev.worldsapi.client.model.ResourceType;
import dev.worldsapi.client.model.WorldJob;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each control of the kit, shown through the public client. */
@WorldsTestServer
class TestKitControlsTest {

  private static final UUID PROJECT = UUID.fromString("0d7b7c1e-4f4a-4b8e-9a3c-5e6f7a8b9c0d");
  private static final UUID OTHER_USER = UUID.fromString("3f1d2c4b-8e6a-4b1f-9d2e-5a7c8b9e0f12");

  @Test
  void aFixtureIsListedWithEverythingItWasGiven(WorldsClient client, TestServer server) {
    Instant created = Instant.parse("2026-03-01T12:00:00Z");
    WorldJob fixture =
        server
            .job()
            .kind(JobKind.TRAJECTORY_GENERATION)
            .status(JobStatus.FAILED)
            .project(PROJECT)
            .createdBy(OTHER_USER)
            .createdAt(created)
            .failsWith("GPU quota exceeded")
            .create();

    List<WorldJob> listed =
        client
            .jobs()
            .list(
                ListWorldJobsParams.builder()
                    .status(JobStatus.FAILED)
                    .createdBy(OTHER_USER.toString())
                    .build())
            .items();

    assertThat(listed).singleElement().usingRecursiveComparison().isEqualTo(fixture);
    WorldJob job = listed.get(0);
    assertThat(job.kind()).isEqualTo(JobKind.TRAJECTORY_GENERATION);
    assertThat(job.projectId()).contains(PROJECT.toString());
    assertThat(job.createdBy()).contains(OTHER_USER.toString());
    assertThat(job.createdAt().toInstant()).isEqualTo(created);
    assertThat(job.error()).contains("GPU quota exceeded");
    assertThat(server.jobs()).singleElement().usingRecursiveComparison().isEqualTo(fixture);
  }

  @Test
  void fixturesOfEveryKindAndStatusAreServedAsTheyWereMade(WorldsClient client, TestServer server) {
    for (JobKind kind : List.of(JobKind.MANIFEST_GENERATION, JobKind.TRAJECTORY_GENERATION)) {
      for (JobStatus.Known known : JobStatus.Known.values()) {
        JobStatus status = JobStatus.of(known.name().toLowerCase(java.util.Locale.ROOT));
        WorldJob made = server.job().kind(kind).status(status).create();

        WorldJob served = client.jobs().get(made.id());

        assertThat(served.kind()).as("%s %s", kind, status).isEqualTo(kind);
        assertThat(served.status()).as("%s %s", kind, status).isEqualTo(status);
        assertThat(served.result().isPresent())
            .as("%s %s has a result", kind, status)
            .isEqualTo(status.equals(JobStatus.COMPLETED));
        assertThat(served.error().isPresent())
            .as("%s %s has an error", kind, status)
            .isEqualTo(status.equals(JobStatus.FAILED));
      }
    }
    assertThat(
            client.jobs().list(ListWorldJobsParams.builder().page(1).pageSize(100).build()).total())
        .isEqualTo(2 * JobStatus.Known.values().length);
  }

  @Test
  void aTrajectoryBatchCompletesWithItsTrajectories(WorldsClient client, TestServer server) {
    WorldJob batch = server.job().trajectoryBatch(3).status(JobStatus.COMPLETED).create();

    WorldJob served = client.jobs().get(batch.id());

    assertThat(served.resourceType()).contains(ResourceType.TRAJECTORY_BATCH);
    assertThat(served.result().orElseThrow()).containsKeys("batch_id", "trajectory_ids");
    assertThat((List<?>) served.result().orElseThrow().get("trajectory_ids")).hasSize(3);
  }

  @Test
  void workspacesTheCallerMayAndMayNotUse(WorldsClient client, TestServer server) {
    TestWorkspace open = server.addWorkspace("acme", "lab");
    TestWorkspace closed = server.addForbiddenWorkspace("acme", "secret");
    server.job().in(open).create(2);
    server.job().in(closed).create();

    assertThat(client.workspace(open.org(), open.workspace()).jobs().list().total()).isEqualTo(2);
    assertThatThrownBy(() -> client.workspace(closed.org(), closed.workspace()).jobs().list())
        .isInstanceOf(PermissionDeniedException.class);
    assertThatThrownBy(() -> client.workspace("acme", "nowhere").jobs().list())
        .isInstanceOf(NotFoundException.class);
    assertThat(server.jobs(closed)).hasSize(1);
  }

  @Test
  void anArmed429IsRetriedAfterItsRetryAfter(WorldsClient client, TestServer server) {
    server.job().create();
    server.nextRequests(1).with(Fault.rateLimited(Duration.ofSeconds(30)));
    long started = System.nanoTime();

    assertThat(client.jobs().list().items()).hasSize(1);

    assertThat(server.requests(Operation.LIST_WORLD_JOBS))
        .extracting(ReceivedRequest::status)
        .containsExactly(429, 200);
    assertThat(server.clock().sleeps()).containsExactly(Duration.ofSeconds(30));
    // The 30 s were the test clock's: no thread slept them.
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    assertThat(server.pendingFaults()).isZero();
  }

  @Test
  void advanceCompletesAJobThatWaitForThenReturns(WorldsClient client, TestServer server) {
    WorldJob created = client.manifests().create(CreateWorldManifestRequest.builder().build());
    assertThat(created.status()).isEqualTo(JobStatus.QUEUED);

    assertThat(server.advance()).isEqualTo(1);
    assertThat(client.jobs().get(created.id()).status()).isEqualTo(JobStatus.RUNNING);
    server.advance(4);
    WorldJob done = client.jobs().waitFor(created.id());

    assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(done.result().orElseThrow()).containsKey("manifest_id");
    assertThat(done.startedAt().orElseThrow()).isAfter(done.createdAt());
    assertThat(server.clock().sleeps()).isEmpty();
  }

  @Test
  void jobsStepWhileTheClientWaitsWhenAsked(WorldsClient client, TestServer server) {
    WorldJob job = server.job().failsWith("out of capacity").create();
    server.stepJobsEvery(Duration.ofSeconds(5));

    WorldJob ended = client.jobs().waitFor(job.id());

    assertThat(ended.status()).isEqualTo(JobStatus.FAILED);
    assertThat(ended.error()).contains("out of capacity");
    // queued, running at 0, 25, 50 and 75 %, then failed: six polls, five sleeps of 5 s.
    assertThat(server.requests(Operation.GET_WORLD_JOB)).hasSize(6);
    assertThat(server.clock().sleeps()).hasSize(5).containsOnly(Duration.ofSeconds(5));
  }

  @Test
  void theAsyncWaiterWaitsOnTheTestClockToo(WorldsClient client, TestServer server)
      throws Exception {
    WorldJob job = server.job().create();
    server.stepJobsEvery(Duration.ofSeconds(5));

    WorldJob done =
        client.async().jobs().waitFor(job.id()).get(30, java.util.concurrent.TimeUnit.SECONDS);

    assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(server.clock().sleeps()).hasSize(5).containsOnly(Duration.ofSeconds(5));
  }

  @Test
  void aFrozenJobStaysWhereItIs(TestServer server) {
    WorldJob frozen = server.job().status(JobStatus.RUNNING).frozen().create();
    server.job().create();

    assertThat(server.advance(10)).isEqualTo(5);
    assertThat(server.jobs())
        .filteredOn(job -> job.id().equals(frozen.id()))
        .singleElement()
        .usingRecursiveComparison()
        .isEqualTo(frozen);
  }

  @Test
  void faultsAimedAtOneOperationLeaveTheOthersAlone(WorldsClient client, TestServer server) {
    WorldsClient once = client.toBuilder().maxRetries(0).build();
    WorldJob job = server.job().create();
    server.nextRequests(2).to(Operation.GET_WORLD_JOB).with(Fault.internalError());

    assertThat(once.jobs().list().total()).isEqualTo(1);
    InternalServerException first =
        catchThrowableOfType(InternalServerException.class, () -> once.jobs().get(job.id()));
    assertThatThrownBy(() -> once.jobs().get(job.id())).isInstanceOf(InternalServerException.class);

    assertThat(first.header("X-Request-Id")).isPresent();
    assertThat(once.jobs().get(job.id()).id()).isEqualTo(job.id());
  }

  @Test
  void gatewayFaultsAnswerTheirStatuses(WorldsClient client, TestServer server) {
    WorldsClient once = client.toBuilder().maxRetries(0).build();
    server.nextRequests(1).with(Fault.badGateway());
    server.nextRequests(1).with(Fault.gatewayTimeout());

    assertThat(catchThrowableOfType(BadGatewayException.class, () -> once.jobs().list()).status())
        .isEqualTo(502);
    assertThat(
            catchThrowableOfType(GatewayTimeoutException.class, () -> once.jobs().list()).status())
        .isEqualTo(504);
    assertThat(once.jobs().list().total()).isZero();
  }

  @Test
  void aDelayOutlastsTheClientsReadTimeout(TestServer server) {
    WorldsClient impatient =
        server.clientBuilder().readTimeout(Duration.ofMillis(200)).maxRetries(0).build();
    server.nextRequests(1).with(Fault.delay(Duration.ofMinutes(1)));

    assertThatThrownBy(() -> impatient.jobs().list()).isInstanceOf(WorldsTimeoutException.class);
    // Clearing the faults (as the next test's reset does) answers the delayed request now.
    server.reset();
    assertThat(impatient.jobs().list().total()).isZero();
  }

  @Test
  void aDroppedCreateIsRetriedWithItsIdempotencyKeyAndMakesOneJob(
      WorldsClient client, TestServer server) {
    server.nextRequests(1).to(Operation.CREATE_WORLD_MANIFEST).with(Fault.dropConnection());

    WorldJob job =
        client.manifests().create(CreateWorldManifestRequest.builder().name("nightly").build());

    List<ReceivedRequest> creates = server.requests(Operation.CREATE_WORLD_MANIFEST);
    assertThat(creates).extracting(ReceivedRequest::status).containsExactly(0, 200);
    assertThat(creates.get(0).header("Idempotency-Key"))
        .isPresent()
        .isEqualTo(creates.get(1).header("Idempotency-Key"));
    assertThat(creates.get(1).bodyText()).contains("\"nightly\"");
    assertThat(server.jobs()).extracting(WorldJob::id).containsExactly(job.id());
  }

  @Test
  void refusedRequestsAreReceivedTooAndTheTokenIsNeverShown(
      @BaseUrl String baseUrl, @BearerToken String token, TestServer server) {
    WorldsClient stranger =
        WorldsClient.builder()
            .baseUrl(baseUrl)
            .token("someone-elses-token")
            .workspace("demo", "sandbox")
            .maxRetries(0)
            .build();

    assertThatThrownBy(() -> stranger.jobs().list())
        .isInstanceOf(dev.worldsapi.client.errors.AuthenticationException.class);

    ReceivedRequest refused = server.requests().get(0);
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.header("authorization")).contains("Bearer someone-elses-token");
    assertThat(refused.toString()).doesNotContain("someone-elses-token").contains("(redacted)");
    assertThat(token).isEqualTo(server.token()).isEqualTo("testkit-token");
  }
}
