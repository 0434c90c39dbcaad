package dev.worldsapi.server.paging;

import dev.worldsapi.server.model.WorldJob;
import dev.worldsapi.server.model.WorldJobList;
import java.util.List;

/**
 * One page of a result and the size of the whole result. A page past the end is empty and still
 * carries the right {@code total}.
 */
public record Slice<T>(List<T> items, PageRequest request, long total) {

  public Slice {
    items = List.copyOf(items);
  }

  /** The page of a full, already ordered result. */
  public static <T> Slice<T> of(List<T> all, PageRequest request) {
    int from = (int) Math.min(request.offset(), all.size());
    int to = (int) Math.min(request.offset() + request.pageSize(), all.size());
    return new Slice<>(all.subList(from, to), request, all.size());
  }

  /** The spec's paginated job list. */
  public static WorldJobList toJobList(Slice<WorldJob> slice) {
    return new WorldJobList(
        slice.items(),
        slice.request().page(),
        slice.request().pageSize(),
        Math.toIntExact(slice.total()));
  }
}
