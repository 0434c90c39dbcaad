package dev.worldsapi.testkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.worldsapi.client.WorldsClient;
import dev.worldsapi.client.errors.NotFoundException;
import dev.worldsapi.client.model.JobStatus;
import dev.worldsapi.client.model.WorldJob;
import dev.worldsapi.client.waiting.JobWaitTimeoutException;
import dev.worldsapi.testkit.Fault;
import dev.worldsapi.testkit.Operation;
import dev.worldsapi.testkit.TestServer;
import dev.worldsapi.testkit.WorldsTestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The client's waiter against the reference server, its jobs moved by the test (what a server that
 * misbehaves does to the waiter stays in the client module's {@code JobWaiterTest}).
 */
@WorldsTestServer
class JobWaiterOnTheServerTest {

  @Test
  void returnsTheJobWhenItCompletes(WorldsClient client, TestServer server) {
    WorldJob job = server.job().create();
    server.stepJobsEvery(Duration.ofSeconds(5));

    WorldJob done = client.jobs().waitFor(job.id());

    assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
    // queued, running 0, 25, 50, 75 %, completed: a poll each, 5 s apart.
    assertThat(server.clock().sleeps()).hasSize(5).containsOnly(Duration.ofSeconds(5));
    assertThat(server.requests(Operation.GET_WORLD_JOB)).hasSize(6);
  }

  @Test
  void returnsTheJobWhenItFails(WorldsClient client, TestServer server) {
    WorldJob job = server.job().status(JobStatus.RUNNING).failsWith("no capacity").create();
    server.stepJobsEvery(Duration.ofSeconds(5));

    WorldJob failed = client.jobs().waitFor(job.id());

    assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
    assertThat(failed.error()).contains("no capacity");
  }

  @Test
  void returnsTheJobWhenItIsCancelledWhileRunning(WorldsClient client, TestServer server) {
    WorldJob job = server.job().status(JobStatus.RUNNING).frozen().create();
    assertThat(client.jobs().cancel(job.id()).status()).isEqualTo(JobStatus.RUNNING);
    server.stepJobsEvery(Duration.ofSeconds(5));

    WorldJob cancelled = client.jobs().waitFor(job.id());

    assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(cancelled.cancelRequestedAt()).isPresent();
    assertThat(server.clock().sleeps()).containsExactly(Duration.ofSeconds(5));
  }

  @Test
  void timesOutWithoutCancellingTheJob(WorldsClient client, TestServer server) {
    WorldJob job = server.job().status(JobStatus.RUNNING).frozen().create();

    JobWaitTimeoutException thrown =
        catchThrowableOfType(
            JobWaitTimeoutException.class,
            () -> client.jobs().waiter().withTimeout(Duration.ofSeconds(12)).waitFor(job.id()));

    assertThat(thrown.lastSeen().status()).isEqualTo(JobStatus.RUNNING);
    assertThat(thrown.getMessage()).contains(job.id(), "running", "not cancelled");
    // Polls at 0, 5, 10 and, last, at the deadline itself.
    assertThat(server.clock().sleeps())
        .containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(2));
    assertThat(server.requests(Operation.GET_WORLD_JOB)).hasSize(4);
    assertThat(server.requests(Operation.CANCEL_WORLD_JOB)).isEmpty();
  }

  @Test
  void waitsForTheServersRetryAfterOn429(TestServer server) {
    // The waiter's own handling of 429 is under test, so the HTTP layer must not retry it first.
    WorldsClient client = server.clientBuilder().maxRetries(0).build();
    WorldJob job = server.job().status(JobStatus.FAILED).create();
    server
        .nextRequests(1)
        .to(Operation.GET_WORLD_JOB)
        .with(Fault.rateLimited(Duration.ofSeconds(7)));

    assertThat(client.jobs().waitFor(job.id()).status()).isEqualTo(JobStatus.FAILED);
    assertThat(server.clock().sleeps()).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void otherFailuresReachTheCaller(WorldsClient client, TestServer server) {
    NotFoundException thrown =
        catchThrowableOfType(NotFoundException.class, () -> client.jobs().waitFor("job-404"));

    assertThat(thrown.detail()).isEqualTo("Job job-404 not found");
    assertThat(server.requests()).hasSize(1);
    assertThat(server.clock().sleeps()).isEmpty();
  }
}
