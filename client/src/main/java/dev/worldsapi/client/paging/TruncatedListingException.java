package dev.worldsapi.client.paging;

import dev.worldsapi.client.errors.WorldsException;

/**
 * A listing ended before its end because the server misbehaved: a page repeated the previous one,
 * or the pages went on past what the first page's {@code total} allowed. What was returned before
 * it is not the whole list. {@link AutoPager#lenient()} ends such a listing quietly instead.
 */
public final class TruncatedListingException extends WorldsException {

  private static final long serialVersionUID = 1L;

  private final long itemsReturned;
  private final int lastPage;

  TruncatedListingException(String reason, long itemsReturned, int lastPage) {
    super(
        "The listing ended early after "
            + itemsReturned
            + " items on "
            + lastPage
            + " pages: "
            + reason
            + ". The items returned are not the whole list.");
    this.itemsReturned = itemsReturned;
    this.lastPage = lastPage;
  }

  /** How many items the iteration returned before it ended. */
  public long itemsReturned() {
    return itemsReturned;
  }

  /** The last page whose items were returned. */
  public int lastPage() {
    return lastPage;
  }
}
