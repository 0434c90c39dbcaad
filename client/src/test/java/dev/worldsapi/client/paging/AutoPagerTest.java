package dev.worldsapi.client.paging;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.worldsapi.client.FakeTime;
import dev.worldsapi.client.JobFilter;
import dev.worldsapi.client.TestClients;
import dev.worldsapi.client.WorldsClient;
import dev.worldsapi.client.errors.InternalServerException;
import dev.worldsapi.client.model.JobStatus;
import dev.worldsapi.client.model.WorldJob;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AutoPagerTest {

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final WorldsClient client =
      TestClients.against(server, new FakeTime()).maxRetries(0).build();

  @ParameterizedTest(name = "{0} jobs in pages of {1}: {2} requests")
  @CsvSource({
    "0,    100, 1",
    "1,    100, 1",
    "100,  100, 1",
    "101,  100, 2",
    "1001, 100, 11",
    "7,    3,   3",
  })
  void returnsEveryJobOnceFetchingOnlyThePagesNeeded(int total, int pageSize, int requests) {
    servePages(total, pageSize, total);

    List<String> ids =
        client.jobs().listAll(JobFilter.all(), pageSize).stream().map(WorldJob::getId).toList();

    assertThat(ids).hasSize(total).doesNotHaveDuplicates();
    assertThat(ids)
        .containsExactlyElementsOf(IntStream.range(0, total).mapToObj(i -> "job-" + i).toList());
    server.verify(requests, getRequestedFor(urlPathEqualTo(TestClients.JOBS)));
  }

  @Test
  void fetchesNothingUntilIterationStartsAndTheNextPageOnlyWhenNeeded() {
    servePages(250, 100, 250);

    Iterable<WorldJob> jobs = client.jobs().listAll(JobFilter.all());
    server.verify(0, getRequestedFor(urlPathEqualTo(TestClients.JOBS)));

    Iterator<WorldJob> iterator = jobs.iterator();
    for (int i = 0; i < 100; i++) {
      iterator.next();
    }
    server.verify(1, getRequestedFor(urlPathEqualTo(TestClients.JOBS)));
    iterator.next();
    server.verify(2, getRequestedFor(urlPathEqualTo(TestClients.JOBS)));
  }

  @Test
  void sendsTheFilterAndPageSizeOnEveryPage() {
    servePages(150, 100, 150);

    client
        .jobs()
        .listAll(JobFilter.all().status(JobStatus.FAILED).createdBy("user-9"))
        .forEach(job -> {});

    for (String page : List.of("1", "2")) {
      server.verify(
          getRequestedFor(urlPathEqualTo(TestClients.JOBS))
              .withQueryParam("page", equalTo(page))
              .withQueryParam("page_size", equalTo("100"))
              .withQueryParam("status", equalTo("failed"))
              .withQueryParam("created_by", equalTo("user-9")));
    }
  }

  @Test
  void aRepeatedPageEndsTheListingWithAnExceptionNotAShortList() {
    server.stubFor(
        get(urlPathEqualTo(TestClients.JOBS)).willReturn(okJson(page(0, 3, 1, 3, 1000))));
    Iterator<WorldJob> jobs = client.jobs().listAll(JobFilter.all(), 3).iterator();
    jobs.next();
    jobs.next();
    jobs.next();

    assertThatThrownBy(jobs::hasNext)
        .isInstanceOfSatisfying(
            TruncatedListingException.class,
            e -> {
              assertThat(e.itemsReturned()).isEqualTo(3);
              assertThat(e.lastPage()).isEqualTo(1);
            })
        .hasMessageContaining("page 2 repeats the previous page")
        .hasMessageContaining("not the whole list");
    server.verify(2, getRequestedFor(urlPathEqualTo(TestClients.JOBS)));
  }

  @Test
  void aLenientListingEndsQuietlyAtARepeatedPage() {
    server.stubFor(
        get(urlPathEqualTo(TestClients.JOBS)).willReturn(okJson(page(0, 3, 1, 3, 1000))));

    List<WorldJob> jobs = client.jobs().listAll(JobFilter.all(), 3).lenient().stream().toList();

    assertThat(jobs).extracting(WorldJob::getId).containsExactly("job-0", "job-1", "job-2");
  }

  @Test
  void aTotalThatKeepsGrowingEndsTheListingWithAnException() {
    // Every page claims ten more jobs than the last, with ever new ids.
    for (int number = 1; number <= 50; number++) {
      server.stubFor(
          get(urlPathEqualTo(TestClients.JOBS))
              .withQueryParam("page", equalTo(String.valueOf(number)))
              .willReturn(okJson(page((number - 1) * 10, 10, number, 10, 20 + number * 10))));
    }

    // The first page said 30 jobs: three pages, plus one page of slack for jobs created meanwhile.
    assertThatThrownBy(() -> client.jobs().listAll(JobFilter.all(), 10).stream().count())
        .isInstanceOfSatisfying(
            TruncatedListingException.class, e -> assertThat(e.itemsReturned()).isEqualTo(40))
        .hasMessageContaining("grew past the 30 items it reported on page 1");
    assertThat(client.jobs().listAll(JobFilter.all(), 10).lenient().stream().count()).isEqualTo(40);
    server.verify(8, getRequestedFor(urlPathEqualTo(TestClients.JOBS)));
  }

  @Test
  void returnsAJobPushedOntoTheNextPageOnlyOnce() {
    // A job created between the two requests pushes job-2 from page 1 onto page 2.
    server.stubFor(
        get(urlPathEqualTo(TestClients.JOBS))
            .withQueryParam("page", equalTo("1"))
            .willReturn(okJson(page(0, 3, 1, 3, 6))));
    server.stubFor(
        get(urlPathEqualTo(TestClients.JOBS))
            .withQueryParam("page", equalTo("2"))
            .willReturn(okJson(page(2, 3, 2, 3, 7))));
    server.stubFor(
        get(urlPathEqualTo(TestClients.JOBS))
            .withQueryParam("page", equalTo("3"))
            .willReturn(okJson(page(5, 2, 3, 3, 7))));

    List<String> ids =
        client.jobs().listAll(JobFilter.all(), 3).stream().map(WorldJob::getId).toList();

    assertThat(ids).containsExactly("job-0", "job-1", "job-2", "job-3", "job-4", "job-5", "job-6");
  }

  @Test
  void passesTheApisExceptionsThroughUnchanged() {
    servePages(150, 100, 150);
    server.stubFor(
        get(urlPathEqualTo(TestClients.JOBS))
            .withQueryParam("page", equalTo("2"))
            .willReturn(
                WireMock.aResponse()
                    .withStatus(500)
                    .withBody(
                        TestClients.envelope(500, "Internal server error", "internal_error"))));
    Iterator<WorldJob> iterator = client.jobs().listAll(JobFilter.all()).iterator();
    for (int i = 0; i < 100; i++) {
      iterator.next();
    }

    assertThatThrownBy(iterator::hasNext)
        .isInstanceOf(InternalServerException.class)
        .hasMessageContaining("Internal server error");
  }

  @Test
  void pageKnowsWhetherANextPageExistsAndFetchesIt() {
    servePages(30, 20, 30);

    Page<WorldJob> first = client.jobs().list();
    Page<WorldJob> second = first.nextPage();

    assertThat(first.hasNextPage()).isTrue();
    assertThat(first.items()).hasSize(20);
    assertThat(second.page()).isEqualTo(2);
    assertThat(second.items()).hasSize(10);
    assertThat(second.hasNextPage()).isFalse();
    assertThatThrownBy(second::nextPage)
        .isInstanceOf(java.util.NoSuchElementException.class)
        .hasMessageContaining("last page");
  }

  @Test
  void rejectsPageSizesTheApiRejects() {
    assertThatThrownBy(() -> client.jobs().listAll(JobFilter.all(), 101))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pageSize must be between 1 and 100, got 101");
    assertThatThrownBy(() -> client.jobs().list(JobFilter.all(), 0, 20))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("page must be 1 or more, got 0");
  }

  /** Stubs every page of a list of {@code total} jobs named job-0, job-1, ... */
  private static void servePages(int count, int pageSize, int total) {
    int pages = Math.max(1, (count + pageSize - 1) / pageSize);
    for (int number = 1; number <= pages + 1; number++) {
      int first = (number - 1) * pageSize;
      int size = Math.max(0, Math.min(pageSize, count - first));
      server.stubFor(
          get(urlPathEqualTo(TestClients.JOBS))
              .withQueryParam("page", equalTo(String.valueOf(number)))
              .willReturn(okJson(page(first, size, number, pageSize, total))));
    }
  }

  private static String page(int firstId, int size, int number, int pageSize, int total) {
    String items =
        IntStream.range(firstId, firstId + size)
            .mapToObj(i -> TestClients.job("job-" + i, "completed"))
            .collect(Collectors.joining(","));
    return "{\"items\": ["
        + items
        + "], \"page\": "
        + number
        + ", \"page_size\": "
        + pageSize
        + ", \"total\": "
        + total
        + "}";
  }
}
