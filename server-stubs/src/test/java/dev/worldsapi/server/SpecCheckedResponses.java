package dev.worldsapi.server;

import dev.worldsapi.conformance.SpecResponses;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Fails the request, and so the test that made it, when the answer breaks the spec: an undeclared
 * status, a body or header the spec does not allow, a failure that is not the envelope.
 */
final class SpecCheckedResponses implements ClientResponseFilter {

  @Override
  public void filter(ClientRequestContext request, ClientResponseContext response)
      throws IOException {
    byte[] body = response.hasEntity() ? response.getEntityStream().readAllBytes() : new byte[0];
    response.setEntityStream(new ByteArrayInputStream(body));
    String path = request.getUri().getRawPath();
    List<String> problems =
        SpecResponses.packaged()
            .check(
                request.getMethod(),
                path,
                response.getStatus(),
                response.getHeaders(),
                new String(inflated(response, body), StandardCharsets.UTF_8));
    if (!problems.isEmpty()) {
      throw new AssertionError(
          request.getMethod()
              + " "
              + path
              + " answered "
              + response.getStatus()
              + " against the spec:\n - "
              + String.join("\n - ", problems));
    }
  }

  private static byte[] inflated(ClientResponseContext response, byte[] body) throws IOException {
    if (!"gzip".equalsIgnoreCase(response.getHeaderString("Content-Encoding"))) {
      return body;
    }
    try (var in = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(body))) {
      return in.readAllBytes();
    }
  }
}
