package dev.worldsapi.client.paging;

/** Fetches one page of a list by its 1-based number. */
@FunctionalInterface
public interface PageFetcher<T> {

  Page<T> fetch(int page);
}
