package dev.worldsapi.client;

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
