package dev.worldsapi.testkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldsapi.client.ListWorldJobsParams;
import dev.worldsapi.client.WorldsClient;
import dev.worldsapi.client.errors.InternalServerException;
import dev.worldsapi.client.model.JobStatus;
import dev.worldsapi.client.model.WorldJob;
import dev.worldsapi.client.paging.Page;
import dev.worldsapi.testkit.Fault;
import dev.worldsapi.testkit.Operation;
import dev.worldsapi.testkit.ReceivedRequest;
import dev.worldsapi.testkit.TestServer;
import dev.worldsapi.testkit.WorldsTestServer;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The client's auto-pager against the reference server's real paging (what a server whose pages
 * shift, repeat or grow does to it stays in the client module's {@code AutoPagerTest}).
 */
@WorldsTestServer
class AutoPagerOnTheServerTest {

  @ParameterizedTest(name = "{0} jobs in pages of {1}: {2} requests")
  @CsvSource({
    "0,    100, 1",
    "1,    100, 1",
    "100,  100, 1",
    "101,  100, 2",
    "1001, 100, 11",
    "7,    3,   3",
  })
  void returnsEveryJobOnceFetchingOnlyThePagesNeeded(
      int total, int pageSize, int requests, WorldsClient client, TestServer server) {
    List<String> made = server.job().create(total).stream().map(WorldJob::id).toList();

    List<String> ids =
        client.jobs().listAll(ListWorldJobsParams.builder().pageSize(pageSize).build()).stream()
            .map(WorldJob::id)
            .toList();

    assertThat(ids).hasSize(total).doesNotHaveDuplicates();
    // Newest first: the last one made comes first.
    List<String> newestFirst = new java.util.ArrayList<>(made);
    java.util.Collections.reverse(newestFirst);
    assertThat(ids).containsExactlyElementsOf(newestFirst);
    assertThat(server.requests(Operation.LIST_WORLD_JOBS)).hasSize(requests);
  }

  @Test
  void fetchesNothingUntilIterationStartsAndTheNextPageOnlyWhenNeeded(
      WorldsClient client, TestServer server) {
    server.job().create(250);

    Iterable<WorldJob> jobs = client.jobs().listAll();
    assertThat(server.requests()).isEmpty();

    Iterator<WorldJob> iterator = jobs.iterator();
    for (int i = 0; i < 100; i++) {
      iterator.next();
    }
    assertThat(server.requests()).hasSize(1);
    iterator.next();
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void sendsTheFilterAndPageSizeOnEveryPage(WorldsClient client, TestServer server) {
    UUID user = UUID.fromString("9b2f6c1e-0a4d-4e8f-b3c2-7d1e5a6f8b90");
    server.job().status(JobStatus.FAILED).createdBy(user).create(150);
    server.job().status(JobStatus.COMPLETED).createdBy(user).create(10);

    long listed =
        client
            .jobs()
            .listAll(
                ListWorldJobsParams.builder()
                    .status(JobStatus.FAILED)
                    .createdBy(user.toString())
                    .build())
            .stream()
            .count();

    assertThat(listed).isEqualTo(150);
    assertThat(server.requests(Operation.LIST_WORLD_JOBS))
        .extracting(ReceivedRequest::query)
        .containsExactly(
            "page=1&page_size=100&status=failed&created_by=" + user,
            "page=2&page_size=100&status=failed&created_by=" + user);
  }

  @Test
  void passesTheApisExceptionsThroughUnchanged(TestServer server) {
    WorldsClient client = server.clientBuilder().maxRetries(0).build();
    server.job().create(150);
    Iterator<WorldJob> iterator = client.jobs().listAll().iterator();
    for (int i = 0; i < 100; i++) {
      iterator.next();
    }
    server.nextRequests(1).to(Operation.LIST_WORLD_JOBS).with(Fault.internalError());

    assertThatThrownBy(iterator::hasNext)
        .isInstanceOf(InternalServerException.class)
        .hasMessageContaining("Internal server error");
  }

  @Test
  void pageKnowsWhetherANextPageExistsAndFetchesIt(WorldsClient client, TestServer server) {
    server.job().create(30);

    Page<WorldJob> first = client.jobs().list();
    Page<WorldJob> second = first.nextPage();

    assertThat(first.hasNextPage()).isTrue();
    assertThat(first.items()).hasSize(20);
    assertThat(second.page()).isEqualTo(2);
    assertThat(second.items()).hasSize(10);
    assertThat(second.hasNextPage()).isFalse();
    assertThatThrownBy(second::nextPage)
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("last page");
  }
}
