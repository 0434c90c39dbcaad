package dev.worldsapi.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.worldsapi.client.errors.WorldsDecodeException;
import dev.worldsapi.client.errors.WorldsTransportException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client asks for gzip, reads it, refuses a body that inflates past its bound, and refuses a
 * body in any coding it cannot undo.
 */
class GzipTest {

  private static final String JOB = TestClients.JOBS + "/job-1";

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().gzipDisabled(true))
          .build();

  private final WorldsClient client =
      TestClients.against(server, new FakeTime()).maxRetries(0).build();

  @Test
  void asksForGzipAndReadsAGzipBody() throws IOException {
    server.stubFor(
        get(urlPathEqualTo(JOB))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Content-Encoding", "gzip")
                    .withBody(
                        gzip(
                            TestClients.job("job-1", "queued").getBytes(StandardCharsets.UTF_8)))));

    assertThat(client.jobs().get("job-1").id()).isEqualTo("job-1");
    server.verify(
        getRequestedFor(urlPathEqualTo(JOB)).withHeader("Accept-Encoding", equalTo("gzip")));
  }

  /**
   * A coding the client did not ask for and cannot undo is not read as if it were plain: the body
   * below is a valid job, and still refused, so a proxy that compresses with Brotli is noticed.
   */
  @ParameterizedTest
  @ValueSource(strings = {"br", "deflate", "gzip, br", "zstd"})
  void refusesABodyInACodingItCannotUndoNamingTheCoding(String coding) {
    server.stubFor(
        get(urlPathEqualTo(JOB))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Content-Encoding", coding)
                    .withBody(TestClients.job("job-1", "queued"))));

    assertThatThrownBy(() -> client.jobs().get("job-1"))
        .isInstanceOfSatisfying(
            WorldsDecodeException.class,
            refused -> {
              assertThat(refused.operationId()).contains("get_world_job");
              assertThat(refused.status()).hasValue(200);
            })
        .hasMessageContaining("content coding \"" + coding + "\"")
        .hasMessageContaining("cannot decode");
  }

  @Test
  void readsABodyMarkedIdentityAsPlain() {
    server.stubFor(
        get(urlPathEqualTo(JOB))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Content-Encoding", "identity")
                    .withBody(TestClients.job("job-1", "queued"))));

    assertThat(client.jobs().get("job-1").id()).isEqualTo("job-1");
  }

  @Test
  void refusesABodyThatInflatesPastTheBound() throws IOException {
    byte[] bomb = gzip(new byte[32 * 1024 * 1024 + 1]);
    server.stubFor(
        get(urlPathEqualTo(JOB))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Content-Encoding", "gzip")
                    .withBody(bomb)));

    assertThat(bomb.length).isLessThan(64 * 1024);
    assertThatThrownBy(() -> client.jobs().get("job-1"))
        .isInstanceOf(WorldsTransportException.class)
        .hasMessageContaining("inflates past 33554432 bytes");
  }

  private static byte[] gzip(byte[] body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(body);
    }
    return out.toByteArray();
  }
}
