package dev.worldsapi.server.paging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldsapi.server.errors.WorldsApiException;
import dev.worldsapi.server.spec.SpecDocument;
import java.util.List;

/**
 * A validated page request: {@code page} 1 or more, {@code page_size} from 1 to its maximum, each
 * with its default, as the spec says: the bounds and defaults are read from the page and page-size
 * parameters its {@code x-worlds-pagination} names. Checked here too, so paging is right even where
 * no Bean Validation provider runs.
 */
public record PageRequest(int page, int pageSize) {

  private static final JsonNode PAGE = pagingParameter("page");
  private static final JsonNode PAGE_SIZE = pagingParameter("page-size");

  /** The spec's default {@code page}. */
  public static final int DEFAULT_PAGE = PAGE.path("default").asInt(1);

  /** The spec's default {@code page_size}. */
  public static final int DEFAULT_PAGE_SIZE = PAGE_SIZE.path("default").asInt();

  /** The spec's largest {@code page_size}. */
  public static final int MAX_PAGE_SIZE = PAGE_SIZE.path("maximum").asInt();

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

  /**
   * The schema of the query parameter a paged operation's {@code x-worlds-pagination} names for
   * {@code role} ({@code page}, {@code page-size}).
   */
  private static JsonNode pagingParameter(String role) {
    SpecDocument spec = SpecDocument.packaged();
    for (JsonNode path : spec.root().path("paths")) {
      for (JsonNode operation : path) {
        String name = operation.path("x-worlds-pagination").path(role).asText("");
        if (name.isEmpty()) {
          continue;
        }
        for (JsonNode parameter : operation.path("parameters")) {
          JsonNode resolved = spec.resolve(parameter);
          if (name.equals(resolved.path("name").asText())) {
            return spec.resolve(resolved.path("schema"));
          }
        }
      }
    }
    throw new IllegalStateException(
        "openapi.yaml: no paged operation names its " + role + " parameter in x-worlds-pagination");
  }

  /** Index of the first item of this page in the full result. */
  public long offset() {
    return (long) (page - 1) * pageSize;
  }
}
