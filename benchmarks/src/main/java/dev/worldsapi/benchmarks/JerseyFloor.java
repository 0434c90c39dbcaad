package dev.worldsapi.benchmarks;

import com.sun.net.httpserver.HttpServer;
import dev.worldsapi.reference.HttpServerSettings;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.nio.file.Files;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * A second floor for the load run: Jersey on the same HTTP server with the same settings, one
 * resource answering the same bytes, no filters, no validation, no JSON writing. What the reference
 * server costs above this is its own work; what this costs above the canned bytes is Jersey's.
 * {@code JerseyFloor <port> <file of the body>}.
 */
public final class JerseyFloor {

  private JerseyFloor() {}

  @jakarta.ws.rs.Path("/api/v1/org/{org}/ws/{workspace}/worlds/jobs")
  public static final class Jobs {
    static byte[] body;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public byte[] list() {
      return body;
    }
  }

  public static void main(String[] args) throws Exception {
    Jobs.body = Files.readAllBytes(java.nio.file.Path.of(args[1]));
    HttpServerSettings.apply();
    HttpServer http =
        JdkHttpServerFactory.createHttpServer(
            URI.create("http://127.0.0.1:" + args[0] + "/"),
            new ResourceConfig()
                .register(Jobs.class)
                // As the reference server: bodies up to 64 KiB go out with Content-Length.
                .property(ServerProperties.OUTBOUND_CONTENT_LENGTH_BUFFER, 64 * 1024),
            false);
    http.setExecutor(HttpServerSettings.executor());
    http.start();
    System.out.println("Jersey floor on port " + args[0]);
    Thread.currentThread().join();
  }
}
