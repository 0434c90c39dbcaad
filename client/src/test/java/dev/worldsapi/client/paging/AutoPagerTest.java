package dev.worldsapi.client.paging;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.worldsapi.client.FakeTime;
import dev.worldsapi.client.ListWorldJobsParams;
import dev.worldsapi.client.TestClients;
import dev.worldsapi.client.WorldsClient;
import dev.worldsapi.client.model.WorldJob;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The auto-pager against servers whose pages shift, repeat or grow, stubbed by hand; its paging
 * through a well-behaved server is tested against the reference server in the test kit's {@code
 * AutoPagerOnTheServerTest}.
 */
class AutoPagerTest {

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final WorldsClient client =
      TestClients.against(server, new FakeTime()).maxRetries(0).build();

  @Test
  void aRepeatedPageEndsTheListingWithAnExceptionNotAShortList() {
    server.stubFor(
        get(urlPathEqualTo(TestClients.JOBS)).willReturn(okJson(page(0, 3, 1, 3, 1000))));
    Iterator<WorldJob> jobs = client.jobs().listAll(pageSize(3)).iterator();
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

    List<WorldJob> jobs = client.jobs().listAll(pageSize(3)).lenient().stream().toList();

    assertThat(jobs).extracting(WorldJob::id).containsExactly("job-0", "job-1", "job-2");
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
    assertThatThrownBy(() -> client.jobs().listAll(pageSize(10)).stream().count())
        .isInstanceOfSatisfying(
            TruncatedListingException.class, e -> assertThat(e.itemsReturned()).isEqualTo(40))
        .hasMessageContaining("grew past the 30 items it reported on page 1");
    assertThat(client.jobs().listAll(pageSize(10)).lenient().stream().count()).isEqualTo(40);
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

    List<String> ids = client.jobs().listAll(pageSize(3)).stream().map(WorldJob::id).toList();

    assertThat(ids).containsExactly("job-0", "job-1", "job-2", "job-3", "job-4", "job-5", "job-6");
  }

  @Test
  void refusesAPageSizeTheApiRefusesBeforeSendingAnything() {
    assertThatThrownBy(() -> pageSize(101))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pageSize (page_size) must be between 1 and 100, got 101");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void refusesAStartingPageBecauseTheListingStartsAtPageOne() {
    ListWorldJobsParams fromPageThree = ListWorldJobsParams.builder().page(3).build();

    assertThatThrownBy(() -> client.jobs().listAll(fromPageThree))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("listAll starts at page 1");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  private static ListWorldJobsParams pageSize(int size) {
    return ListWorldJobsParams.builder().pageSize(size).build();
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
