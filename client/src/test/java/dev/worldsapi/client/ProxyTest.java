package dev.worldsapi.client;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A proxy set on the builder carries every request, to a host only the proxy can reach. */
class ProxyTest {

  @RegisterExtension
  static WireMockExtension proxy =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Test
  void requestsGoThroughTheProxyToTheBaseUrlsHost() {
    proxy.stubFor(
        get(urlPathEqualTo(TestClients.JOBS + "/job-1"))
            .willReturn(okJson(TestClients.job("job-1", "queued"))));
    WorldsClient client =
        WorldsClient.builder()
            .baseUrl("http://worlds.invalid")
            .token(TestClients.TOKEN)
            .workspace("acme", "lab")
            .proxy("127.0.0.1", proxy.getPort())
            .build();

    assertThat(client.jobs().get("job-1").id()).isEqualTo("job-1");
    proxy.verify(
        getRequestedFor(urlPathEqualTo(TestClients.JOBS + "/job-1"))
            .withHeader("Host", containing("worlds.invalid")));
  }
}
