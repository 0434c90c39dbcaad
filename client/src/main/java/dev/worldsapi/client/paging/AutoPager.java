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
 * <p>Iteration ends at the server's {@code total} or on an empty page. A misbehaving server ends it
 * with a {@link TruncatedListingException}, so that a truncated list is never taken for a whole
 * one: a page that brings nothing new (a repeated page), or pages that go on past what the first
 * page's {@code total} allowed, plus one page of slack for items created meanwhile (a {@code total}
 * that keeps growing). {@link #lenient()} ends such a listing quietly, with a warning logged, and
 * returns what it has. An item that reappears at the top of the next page, because jobs created
 * during iteration pushed it down, is returned once.
 *
 * <pre>{@code
 * for (WorldJob job : client.jobs().listAll(ListWorldJobsParams.builder().status(JobStatus.FAILED).build())) { ... }
 * long running = client.jobs().listAll(ListWorldJobsParams.builder().status(JobStatus.RUNNING).build()).stream().count();
 * }</pre>
 *
 * @param <T> the item type
 */
public final class AutoPager<T> implements Iterable<T> {

  private static final Logger LOG = LoggerFactory.getLogger(AutoPager.class);

  private final PageFetcher<T> fetcher;
  private final Function<T, ?> idOf;
  private final boolean lenient;

  /**
   * @param fetcher fetches a page by number
   * @param idOf an item's identity, to recognise an item seen on the previous page
   */
  public AutoPager(PageFetcher<T> fetcher, Function<T, ?> idOf) {
    this(fetcher, idOf, false);
  }

  private AutoPager(PageFetcher<T> fetcher, Function<T, ?> idOf, boolean lenient) {
    this.fetcher = fetcher;
    this.idOf = idOf;
    this.lenient = lenient;
  }

  /**
   * The same listing, ending quietly where a misbehaving server would otherwise end it with a
   * {@link TruncatedListingException}: a warning is logged and iteration stops with what it has.
   * For callers to whom some items beat none.
   */
  public AutoPager<T> lenient() {
    return new AutoPager<>(fetcher, idOf, true);
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
    private long returned;
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
      returned++;
      return items.next();
    }

    private void advance() {
      if (current != null && !current.hasNextPage()) {
        finished = true;
        return;
      }
      int number = current == null ? 1 : current.page() + 1;
      if (maxPages >= 0 && number > maxPages) {
        truncated(
            "the server's total grew past the "
                + (maxPages - 1) * current.pageSize()
                + " items it reported on page 1",
            number - 1);
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
        finished = true;
        if (!page.items().isEmpty()) {
          truncated("page " + number + " repeats the previous page", number - 1);
        }
        return;
      }
      current = page;
      previousIds = ids;
      items = fresh.iterator();
    }

    private void truncated(String reason, int lastPage) {
      finished = true;
      if (lenient) {
        LOG.warn("Stopping the listing after {} items: {}", returned, reason);
        return;
      }
      throw new TruncatedListingException(reason, returned, lastPage);
    }
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
