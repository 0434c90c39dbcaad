package dev.worldsapi.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.worldsapi.server.StubApplication;
import dev.worldsapi.server.StubServer;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Larger responses are gzipped for clients that accept it, and only for them. */
class GzipResponsesTest {

  @RegisterExtension static final StubServer server = new StubServer();

  @ParameterizedTest(name = "{0} with Accept-Encoding [{1}]: gzip {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "/jobs?page_size=20 | gzip                | true",
        "/jobs?page_size=20 | deflate, gzip;q=0.5 | true",
        "/jobs?page_size=20 | gzip;q=0            | false",
        "/jobs?page_size=20 | -                   | false",
        "/jobs/missing      | gzip                | false",
      })
  void compressesLargerBodiesForClientsThatAcceptGzip(
      String path, String acceptEncoding, boolean gzipped) throws Exception {
    var request = server.authorized(StubApplication.BASE + path);
    if (acceptEncoding != null) {
      request = request.header("Accept-Encoding", acceptEncoding);
    }
    Response response = request.get();
    byte[] body = response.readEntity(byte[].class);

    assertThat(response.getHeaderString("Vary")).isEqualTo("Accept-Encoding");
    assertThat("gzip".equals(response.getHeaderString("Content-Encoding"))).isEqualTo(gzipped);
    byte[] json =
        gzipped ? new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes() : body;
    assertThat(new ObjectMapper().readTree(json).isObject()).isTrue();
    if (gzipped) {
      assertThat(body.length).isLessThan(json.length / 2);
    }
  }
}
