package dev.worldsapi.client.paging;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * One page of a list as the server returned it. Immutable. The API has no {@code has_next} field:
 * another page exists when {@code page × pageSize < total}.
 *
 * @param <T> the item type
 */
public final class Page<T> {

  private final List<T> items;
  private final int page;
  private final int pageSize;
  private final long total;
  private final PageFetcher<T> fetcher;

  /**
   * @param fetcher fetches another page of the same list, for {@link #nextPage()}
   */
  public Page(List<T> items, int page, int pageSize, long total, PageFetcher<T> fetcher) {
    this.items = List.copyOf(items);
    this.page = page;
    this.pageSize = pageSize;
    this.total = total;
    this.fetcher = fetcher;
  }

  public List<T> items() {
    return items;
  }

  /** The 1-based number of this page. */
  public int page() {
    return page;
  }

  public int pageSize() {
    return pageSize;
  }

  /** How many items match, over all pages, when this page was fetched. */
  public long total() {
    return total;
  }

  /**
   * Whether the server's {@code total} says items lie beyond this page. An empty page has no next
   * page.
   */
  public boolean hasNextPage() {
    return !items.isEmpty() && (long) page * pageSize < total;
  }

  /**
   * Fetches the next page.
   *
   * @throws NoSuchElementException when {@link #hasNextPage()} is false
   * @throws dev.worldsapi.client.errors.WorldsException when the request fails
   */
  public Page<T> nextPage() {
    if (!hasNextPage()) {
      throw new NoSuchElementException(
          "page " + page + " is the last page (total " + total + ", page size " + pageSize + ")");
    }
    return fetcher.fetch(page + 1);
  }

  @Override
  public String toString() {
    return "Page{page="
        + page
        + ", pageSize="
        + pageSize
        + ", total="
        + total
        + ", items="
        + items.size()
        + '}';
  }
}
