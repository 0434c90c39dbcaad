package dev.worldsapi.client;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.worldsapi.client.model.JobKind;
import dev.worldsapi.client.model.JobStatus;
import dev.worldsapi.client.model.WorldJob;
import dev.worldsapi.client.paging.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A newer server's enum values and fields never make a call fail, and stay visible. */
class ForwardCompatibilityTest {

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Test
  void listWithUnknownKindStatusResourceTypeAndFieldsSucceeds() {
    server.stubFor(
        get(urlPathEqualTo(TestClients.JOBS))
            .willReturn(
                okJson(
                    """
        {"items": [
           {"id": "job-1", "kind": "world_export", "status": "paused", "resource_type": "snapshot",
            "organization_id": "o", "workspace_id": "w", "created_at": "2026-01-05T10:15:30Z",
            "priority": 3, "labels": {"team": "red"}},
           {"id": "job-2", "kind": "manifest_generation", "status": "completed", "resource_type": "manifest",
            "organization_id": "o", "workspace_id": "w", "created_at": "2026-01-05T10:15:30Z"}],
         "page": 1, "page_size": 20, "total": 2, "next_cursor": "abc"}
        """)));
    WorldsClient client = TestClients.against(server, new FakeTime()).build();

    Page<WorldJob> page = client.jobs().list();

    WorldJob unknown = page.items().get(0);
    assertThat(unknown.kind().value()).isEqualTo("world_export");
    assertThat(unknown.kind().isKnown()).isFalse();
    assertThat(unknown.status().value()).isEqualTo("paused");
    assertThat(unknown.status().isTerminal()).isFalse();
    assertThat(unknown.resourceType().orElseThrow().value()).isEqualTo("snapshot");
    WorldJob known = page.items().get(1);
    assertThat(known.kind()).isEqualTo(JobKind.MANIFEST_GENERATION);
    assertThat(known.status().known()).contains(JobStatus.Known.COMPLETED);
  }
}
