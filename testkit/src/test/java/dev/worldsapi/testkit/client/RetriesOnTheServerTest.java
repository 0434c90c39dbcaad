package dev.worldsapi.testkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.worldsapi.client.WorldsClient;
import dev.worldsapi.client.errors.WorldsTimeoutException;
import dev.worldsapi.client.errors.WorldsTransportException;
import dev.worldsapi.client.model.CreateWorldManifestRequest;
import dev.worldsapi.client.model.JobStatus;
import dev.worldsapi.client.model.WorldJob;
import dev.worldsapi.client.retry.RetryPolicy;
import dev.worldsapi.testkit.Fault;
import dev.worldsapi.testkit.Operation;
import dev.worldsapi.testkit.ReceivedRequest;
import dev.worldsapi.testkit.TestServer;
import dev.worldsapi.testkit.WorldsTestServer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client's retry branches against the reference server, faults armed through the kit, waits
 * recorded by the test clock instead of slept (branches the kit cannot provoke, such as 503, an
 * HTTP-date {@code Retry-After} or a refused connection, stay in the client module's {@code
 * RetryBehaviourTest}).
 */
@WorldsTestServer
class RetriesOnTheServerTest {

  private WorldsClient client;

  @BeforeEach
  void noJitter(TestServer server) {
    client = server.clientBuilder().retryPolicy(RetryPolicy.builder().jitter(0).build()).build();
  }

  @Test
  void retriesOn429HonouringRetryAfterSeconds(TestServer server) {
    WorldJob job = server.job().create();
    server.nextRequests(1).with(Fault.rateLimited(Duration.ofSeconds(7)));

    assertThat(client.jobs().get(job.id()).id()).isEqualTo(job.id());
    assertThat(server.clock().sleeps()).containsExactly(Duration.ofSeconds(7));
    assertThat(server.requests(Operation.GET_WORLD_JOB)).hasSize(2);
  }

  @Test
  void retriesPostOn429SinceTheServerDidNotActOnIt(TestServer server) {
    server.nextRequests(1).with(Fault.rateLimited(Duration.ofSeconds(1)));

    WorldJob job = client.manifests().create(CreateWorldManifestRequest.builder().build());

    assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
    assertThat(server.clock().sleeps()).containsExactly(Duration.ofSeconds(1));
    assertThat(server.requests(Operation.CREATE_WORLD_MANIFEST))
        .extracting(ReceivedRequest::status)
        .containsExactly(429, 200);
    assertThat(server.jobs()).hasSize(1);
  }

  @Test
  void retriesGetAfterADroppedConnection(TestServer server) {
    WorldJob job = server.job().status(JobStatus.RUNNING).create();
    server.nextRequests(1).with(Fault.dropConnection());

    assertThat(client.jobs().get(job.id()).id()).isEqualTo(job.id());
    assertThat(server.requests(Operation.GET_WORLD_JOB))
        .extracting(ReceivedRequest::status)
        .containsExactly(0, 200);
  }

  @Test
  void retriesACreateAfterADroppedConnectionWithTheSameIdempotencyKey(TestServer server) {
    server.nextRequests(1).with(Fault.dropConnection());

    WorldJob job = client.manifests().create(CreateWorldManifestRequest.builder().build());

    List<ReceivedRequest> sent = server.requests(Operation.CREATE_WORLD_MANIFEST);
    assertThat(sent).hasSize(2);
    Optional<String> key = sent.get(0).header("Idempotency-Key");
    assertThat(key).isPresent().isEqualTo(sent.get(1).header("Idempotency-Key"));
    assertThat(server.jobs()).extracting(WorldJob::id).containsExactly(job.id());
  }

  @Test
  void everyCreateSendsAFreshIdempotencyKey(TestServer server) {
    client.manifests().create(CreateWorldManifestRequest.builder().build());
    client.manifests().create(CreateWorldManifestRequest.builder().build());

    List<ReceivedRequest> sent = server.requests(Operation.CREATE_WORLD_MANIFEST);
    assertThat(sent.get(0).header("Idempotency-Key"))
        .isPresent()
        .isNotEqualTo(sent.get(1).header("Idempotency-Key"));
    assertThat(server.jobs()).hasSize(2);
  }

  @Test
  void doesNotRetryACancelAfterADroppedConnection(TestServer server) {
    WorldJob job = server.job().status(JobStatus.RUNNING).create();
    server.nextRequests(1).to(Operation.CANCEL_WORLD_JOB).with(Fault.dropConnection());

    WorldsTransportException thrown =
        catchThrowableOfType(WorldsTransportException.class, () -> client.jobs().cancel(job.id()));

    assertThat(thrown.requestMayHaveBeenSent()).isTrue();
    assertThat(thrown.attempts()).isEqualTo(1);
    assertThat(thrown.getMessage()).contains("after 1 attempt");
    assertThat(server.clock().sleeps()).isEmpty();
    assertThat(server.requests(Operation.CANCEL_WORLD_JOB)).hasSize(1);
  }

  @Test
  void doesNotRetryACancelAfterReadTimeout(TestServer server) {
    WorldJob job = server.job().create();
    server.nextRequests(1).to(Operation.CANCEL_WORLD_JOB).with(Fault.delay(Duration.ofSeconds(30)));
    WorldsClient impatient = client.toBuilder().readTimeout(Duration.ofMillis(200)).build();

    WorldsTimeoutException thrown =
        catchThrowableOfType(WorldsTimeoutException.class, () -> impatient.jobs().cancel(job.id()));

    assertThat(thrown.requestMayHaveBeenSent()).isTrue();
    assertThat(server.clock().sleeps()).isEmpty();
    // The delayed cancel is still held by the server: the kit releases it at the test's end.
    assertThat(server.requests(Operation.CANCEL_WORLD_JOB)).isEmpty();
  }
}
