package dev.worldsapi.client;

import dev.worldsapi.client.internal.api.WorldsJobsApi;
import dev.worldsapi.client.model.WorldJob;
import dev.worldsapi.client.model.WorldJobList;
import dev.worldsapi.client.paging.AutoPager;
import dev.worldsapi.client.paging.Page;
import dev.worldsapi.client.retry.Sleeper;
import dev.worldsapi.client.waiting.JobWaiter;
import java.time.Clock;
import java.util.List;

/**
 * The jobs of one workspace: list, get, cancel, wait. Thread-safe. Every method throws a {@link
 * dev.worldsapi.client.errors.WorldsException} subclass on failure.
 */
public final class JobsResource {

  /** The API's largest page, used by {@link #listAll(JobFilter)}. */
  public static final int MAX_PAGE_SIZE = 100;

  /** The API's default page size, used by {@link #list(JobFilter)}. */
  public static final int DEFAULT_PAGE_SIZE = 20;

  private final WorldsJobsApi api;
  private final String org;
  private final String workspace;
  private final RequestOptions defaults;
  private final JobWaiter waiter;
  private final Raw raw = new Raw();

  JobsResource(
      WorldsJobsApi api,
      String org,
      String workspace,
      RequestOptions defaults,
      Clock clock,
      Sleeper sleeper) {
    this.api = api;
    this.org = org;
    this.workspace = workspace;
    this.defaults = defaults;
    this.waiter = new JobWaiter(this::get, clock, sleeper);
  }

  /** The same operations, answering the status, headers and attempts with the parsed body. */
  public Raw withRawResponse() {
    return raw;
  }

  /** The first page of all jobs, newest first, 20 to a page. */
  public Page<WorldJob> list() {
    return list(JobFilter.all());
  }

  /** The first page of the jobs matching the filter, newest first, 20 to a page. */
  public Page<WorldJob> list(JobFilter filter) {
    return list(filter, 1, DEFAULT_PAGE_SIZE);
  }

  /**
   * One page of the jobs matching the filter, newest first.
   *
   * @param page 1-based page number
   * @param pageSize 1 to 100
   * @throws IllegalArgumentException when page or pageSize is out of range
   */
  public Page<WorldJob> list(JobFilter filter, int page, int pageSize) {
    return list(filter, page, pageSize, RequestOptions.none());
  }

  /** As {@link #list(JobFilter, int, int)}, with options for this call and the next pages'. */
  public Page<WorldJob> list(JobFilter filter, int page, int pageSize, RequestOptions options) {
    return raw.list(filter, page, pageSize, options).parse();
  }

  /** Every job matching the filter, fetched lazily 100 to a page. */
  public AutoPager<WorldJob> listAll(JobFilter filter) {
    return listAll(filter, MAX_PAGE_SIZE);
  }

  /**
   * Every job matching the filter, fetched lazily {@code pageSize} to a page.
   *
   * @throws IllegalArgumentException when pageSize is not between 1 and 100
   */
  public AutoPager<WorldJob> listAll(JobFilter filter, int pageSize) {
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException(
          "pageSize must be between 1 and " + MAX_PAGE_SIZE + ", got " + pageSize);
    }
    return listAll(filter, pageSize, RequestOptions.none());
  }

  /** As {@link #listAll(JobFilter, int)}, with options for every page's call. */
  public AutoPager<WorldJob> listAll(JobFilter filter, int pageSize, RequestOptions options) {
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException(
          "pageSize must be between 1 and " + MAX_PAGE_SIZE + ", got " + pageSize);
    }
    return new AutoPager<>(page -> list(filter, page, pageSize, options), WorldJob::getId);
  }

  /**
   * @throws dev.worldsapi.client.errors.NotFoundException when there is no such job
   */
  public WorldJob get(String jobId) {
    return get(jobId, RequestOptions.none());
  }

  public WorldJob get(String jobId, RequestOptions options) {
    return raw.get(jobId, options).parse();
  }

  /**
   * Cancels a job: a queued job at once; for a running job the request is recorded ({@code
   * cancel_requested_at}) and the returned job may still be running. Not retried after an ambiguous
   * failure.
   *
   * @throws dev.worldsapi.client.errors.ConflictException when the job has already ended
   */
  public WorldJob cancel(String jobId) {
    return cancel(jobId, RequestOptions.none());
  }

  public WorldJob cancel(String jobId, RequestOptions options) {
    return raw.cancel(jobId, options).parse();
  }

  /** Waits, with the default waiter (poll every 5 s, up to 10 minutes), for the job to end. */
  public WorldJob waitFor(String jobId) {
    requireId(jobId);
    return waiter.waitFor(jobId);
  }

  /** The waiter behind {@link #waitFor(String)}, to change its poll interval or timeout. */
  public JobWaiter waiter() {
    return waiter;
  }

  private static void requireId(String jobId) {
    if (jobId == null || jobId.isBlank()) {
      throw new IllegalArgumentException("jobId must not be blank");
    }
  }

  /**
   * The operations of {@link JobsResource} answering {@link RawResponse}s: status, headers, request
   * id and attempts next to the parsed body. Failures are thrown as for the plain calls.
   */
  public final class Raw {

    private Raw() {}

    public RawResponse<Page<WorldJob>> list(JobFilter filter, int page, int pageSize) {
      return list(filter, page, pageSize, RequestOptions.none());
    }

    public RawResponse<Page<WorldJob>> list(
        JobFilter filter, int page, int pageSize, RequestOptions options) {
      if (page < 1) {
        throw new IllegalArgumentException("page must be 1 or more, got " + page);
      }
      if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
        throw new IllegalArgumentException(
            "pageSize must be between 1 and " + MAX_PAGE_SIZE + ", got " + pageSize);
      }
      RawResponse<WorldJobList> answer =
          Calls.raw(
              defaults.merge(options),
              () ->
                  api.listWorldJobs(
                      org,
                      workspace,
                      page,
                      pageSize,
                      filter.kind(),
                      filter.status(),
                      filter.projectId(),
                      filter.createdBy()));
      WorldJobList list = answer.parse();
      List<WorldJob> items = list.getItems() == null ? List.of() : list.getItems();
      Page<WorldJob> parsed =
          new Page<>(
              items,
              list.getPage() == null ? page : list.getPage(),
              list.getPageSize() == null ? pageSize : list.getPageSize(),
              list.getTotal() == null ? items.size() : list.getTotal(),
              next -> JobsResource.this.list(filter, next, pageSize, options));
      return new RawResponse<>(answer.status(), answer.headers(), answer.attempts(), parsed);
    }

    public RawResponse<WorldJob> get(String jobId) {
      return get(jobId, RequestOptions.none());
    }

    public RawResponse<WorldJob> get(String jobId, RequestOptions options) {
      requireId(jobId);
      return Calls.raw(defaults.merge(options), () -> api.getWorldJob(org, workspace, jobId));
    }

    public RawResponse<WorldJob> cancel(String jobId) {
      return cancel(jobId, RequestOptions.none());
    }

    public RawResponse<WorldJob> cancel(String jobId, RequestOptions options) {
      requireId(jobId);
      return Calls.raw(defaults.merge(options), () -> api.cancelWorldJob(org, workspace, jobId));
    }
  }
}
