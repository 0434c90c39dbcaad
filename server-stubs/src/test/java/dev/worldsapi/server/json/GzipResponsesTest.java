package dev.worldsapi.server.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.worldsapi.server.StubApplication;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.util.zip.GZIPInputStream;
import org.glassfish.jersey.test.JerseyTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Larger responses are gzipped for clients that accept it, and only for them. */
class GzipResponsesTest {

  private static JerseyTest jersey;

  @BeforeAll
  static void start() throws Exception {
    jersey = StubApplication.start();
  }

  @AfterAll
  static void stop() throws Exception {
    jersey.tearDown();
  }

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
    var request = StubApplication.authorized(jersey, StubApplication.BASE + path);
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
