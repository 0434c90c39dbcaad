package dev.worldsapi.reference;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves the packaged spec at {@code /openapi.yaml}. Public. */
@Path("openapi.yaml")
public final class SpecResource {

  private static final byte[] SPEC = read();

  @GET
  @Produces({"application/yaml", "text/yaml", "text/plain"})
  public Response spec() {
    return Response.ok(SPEC).build();
  }

  private static byte[] read() {
    try (InputStream in = SpecResource.class.getClassLoader().getResourceAsStream("openapi.yaml")) {
      if (in == null) {
        throw new IllegalStateException(
            "openapi.yaml is not on the classpath: the api-spec jar is missing");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
