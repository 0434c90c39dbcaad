package dev.worldsapi.client;

import dev.worldsapi.client.internal.api.WorldsJobsApi;
import dev.worldsapi.client.retry.Sleeper;
import java.time.Clock;

/** The API as seen from one organization and workspace. Immutable and thread-safe. */
public final class WorldsWorkspace {

  private final String org;
  private final String workspace;
  private final JobsResource jobs;
  private final ManifestsResource manifests;
  private final TrajectoriesResource trajectories;

  WorldsWorkspace(
      WorldsJobsApi api,
      String org,
      String workspace,
      RequestOptions defaults,
      Clock clock,
      Sleeper sleeper) {
    this.org = requireSlug("org", org);
    this.workspace = requireSlug("workspace", workspace);
    this.jobs = new JobsResource(api, org, workspace, defaults, clock, sleeper);
    this.manifests = new ManifestsResource(api, org, workspace, defaults);
    this.trajectories = new TrajectoriesResource(api, org, workspace, defaults);
  }

  public String org() {
    return org;
  }

  public String workspace() {
    return workspace;
  }

  public JobsResource jobs() {
    return jobs;
  }

  public ManifestsResource manifests() {
    return manifests;
  }

  public TrajectoriesResource trajectories() {
    return trajectories;
  }

  static String requireSlug(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  @Override
  public String toString() {
    return "WorldsWorkspace{org=" + org + ", workspace=" + workspace + '}';
  }
}
