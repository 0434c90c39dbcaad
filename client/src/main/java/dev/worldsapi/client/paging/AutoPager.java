package dev.worldsapi.client.paging;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every item of every page of a list, fetched lazily: a page is requested only when iteration
 * reaches it, and only the current page is held, so memory does not grow with the list. Each {@link
 * #iterator()} starts again from page 1. Exceptions from fetching a page reach the caller
 * unchanged.
 *
 * <p>Iteration ends at the server's {@code total}, on an empty page, and, to protect against a
 * misbehaving server, when a page brings nothing new (a repeated page) or when the pages go on past
 * what the first page's {@code total} allowed (a {@code total} that keeps growing). An item that
 * reappears at the top of the next page, because jobs created during iteration pushed it down, is
 * returned once.
 *
 * <pre>{@code
 * for (WorldJob job : client.jobs().listAll(JobFilter.all().status(JobStatus.FAILED))) { ... }
 * long running = client.jobs().listAll(JobFilter.all().status(JobStatus.RUNNING)).stream().count();
 * }</pre>
 *
 * @param <T> the item type
 */
public final class AutoPager<T> implements Iterable<T> {

  private static final Logger LOG = LoggerFactory.getLogger(AutoPager.class);

  private final PageFetcher<T> fetcher;
  private final Function<T, ?> idOf;

  /**
   * @param fetcher fetches a page by number
   * @param idOf an item's identity, to recognise an item seen on the previous page
   */
  public AutoPager(PageFetcher<T> fetcher, Function<T, ?> idOf) {
    this.fetcher = fetcher;
    this.idOf = idOf;
  }

  @Override
  public Iterator<T> iterator() {
    return new PagingIterator();
  }

  public Stream<T> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  private final class PagingIterator implements Iterator<T> {

    private Page<T> current;
    private Iterator<T> items = List.<T>of().iterator();
    private Set<Object> previousIds = Set.of();
    private long maxPages = -1;
    private boolean finished;

    @Override
    public boolean hasNext() {
      while (!items.hasNext() && !finished) {
        advance();
      }
      return items.hasNext();
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return items.next();
    }

    private void advance() {
      if (current != null && !current.hasNextPage()) {
        finished = true;
        return;
      }
      int number = current == null ? 1 : current.page() + 1;
      if (maxPages >= 0 && number > maxPages) {
        LOG.warn(
            "Stopping after page {}: the server's total grew past the {} it reported on page 1",
            number - 1,
            maxPages * current.pageSize());
        finished = true;
        return;
      }
      Page<T> page = fetcher.fetch(number);
      if (maxPages < 0) {
        // One page of slack lets items created during iteration through; more is a runaway total.
        maxPages = ceilDiv(page.total(), Math.max(page.pageSize(), 1)) + 1;
      }
      Set<Object> ids = new HashSet<>();
      List<T> fresh =
          page.items().stream()
              .filter(
                  item -> {
                    Object id = idOf.apply(item);
                    ids.add(id);
                    return !previousIds.contains(id);
                  })
              .toList();
      if (fresh.isEmpty()) {
        if (!page.items().isEmpty()) {
          LOG.warn("Stopping at page {}: it repeats the previous page", number);
        }
        finished = true;
        return;
      }
      current = page;
      previousIds = ids;
      items = fresh.iterator();
    }
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
