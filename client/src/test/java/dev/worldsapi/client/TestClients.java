package dev.worldsapi.client;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;

/** Clients pointed at a WireMock server, with fake time so that no test sleeps. */
public final class TestClients {

  /** Not a credential: a marker to look for in recorded requests and logs. */
  public static final String TOKEN = "not-a-real-token-7d1e";

  public static final String JOBS = "/api/v1/org/acme/ws/lab/worlds/jobs";

  private TestClients() {}

  public static WorldsClient.Builder against(WireMockExtension server, FakeTime time) {
    return WorldsClient.builder()
        .baseUrl(server.baseUrl())
        .token(TOKEN)
        .workspace("acme", "lab")
        .readTimeout(Duration.ofSeconds(5))
        .clock(time)
        .sleeper(time);
  }

  /**
   * Answers each operation in workspace acme/lab: a one-job page, job-1 (get and cancel), job-2 for
   * a manifest and job-3 for a trajectory.
   */
  public static void stubEveryOperation(WireMockExtension server) {
    String workspace = "/api/v1/org/acme/ws/lab/worlds";
    server.stubFor(
        get(urlPathEqualTo(JOBS))
            .willReturn(
                okJson(
                    "{\"items\": ["
                        + job("job-1", "queued")
                        + "], \"page\": 1, \"page_size\": 20, \"total\": 1}")));
    server.stubFor(get(urlPathEqualTo(JOBS + "/job-1")).willReturn(okJson(job("job-1", "queued"))));
    server.stubFor(
        post(urlPathEqualTo(JOBS + "/job-1/cancel")).willReturn(okJson(job("job-1", "cancelled"))));
    server.stubFor(
        post(urlPathEqualTo(workspace + "/manifests")).willReturn(okJson(job("job-2", "queued"))));
    server.stubFor(
        post(urlPathEqualTo(workspace + "/trajectories"))
            .willReturn(okJson(job("job-3", "queued"))));
  }

  /** A complete job record as JSON. */
  public static String job(String id, String status) {
    return """
        {"id": "%s", "kind": "manifest_generation", "status": "%s", "organization_id": "org-acme",
         "workspace_id": "ws-lab", "created_at": "2026-01-05T10:15:30Z", "resource_type": "manifest"}
        """
        .formatted(id, status);
  }

  public static String envelope(int code, String detail, String type) {
    return "{\"code\": %d, \"detail\": \"%s\", \"type\": \"%s\"}".formatted(code, detail, type);
  }
}
