package dev.worldsapi.server.paging;

import dev.worldsapi.server.errors.WorldsApiException;
import java.util.List;

/**
 * A validated page request: {@code page} 1 or more (default 1), {@code page_size} 1 to 100 (default
 * 20), as the spec says. Checked here too, so paging is right even where no Bean Validation
 * provider runs.
 */
public record PageRequest(int page, int pageSize) {

  public static final int DEFAULT_PAGE = 1;
  public static final int DEFAULT_PAGE_SIZE = 20;
  public static final int MAX_PAGE_SIZE = 100;

  public PageRequest {
    if (page < 1) {
      throw WorldsApiException.validation(
          List.of("query", "page"),
          "Input should be greater than or equal to 1",
          "greater_than_equal");
    }
    if (pageSize < 1) {
      throw WorldsApiException.validation(
          List.of("query", "page_size"),
          "Input should be greater than or equal to 1",
          "greater_than_equal");
    }
    if (pageSize > MAX_PAGE_SIZE) {
      throw WorldsApiException.validation(
          List.of("query", "page_size"),
          "Input should be less than or equal to " + MAX_PAGE_SIZE,
          "less_than_equal");
    }
  }

  /**
   * From the query parameters as a resource method receives them; {@code null} takes the default.
   */
  public static PageRequest of(Integer page, Integer pageSize) {
    return new PageRequest(
        page == null ? DEFAULT_PAGE : page, pageSize == null ? DEFAULT_PAGE_SIZE : pageSize);
  }

  /** Index of the first item of this page in the full result. */
  public long offset() {
    return (long) (page - 1) * pageSize;
  }
}
