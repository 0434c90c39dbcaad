package dev.worldsapi.benchmarks;

import dev.worldsapi.reference.JerseyHost;
import dev.worldsapi.reference.ServerOptions;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

/**
 * A second floor for the load run: Jersey on the same host as the reference server ({@link
 * JerseyHost}: the same engine, settings and response handling), one resource answering the same
 * bytes, no filters, no validation, no JSON writing. What the reference server costs above this is
 * its own work; what this costs above the canned bytes is Jersey's. {@code JerseyFloor <port> <file
 * of the body>}.
 */
public final class JerseyFloor {

  private JerseyFloor() {}

  @jakarta.ws.rs.Path("/api/v1/org/{org}/ws/{workspace}/worlds/jobs")
  public static final class Jobs {
    private final byte[] body;

    Jobs(byte[] body) {
      this.body = body;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public byte[] list() {
      return body;
    }
  }

  public static void main(String[] args) throws Exception {
    byte[] body = Files.readAllBytes(java.nio.file.Path.of(args[1]));
    new JerseyHost()
        .start(
            new ServerOptions(Integer.parseInt(args[0]), "unused", false, Duration.ZERO),
            List.of(new Jobs(body)));
    System.out.println("Jersey floor on port " + args[0]);
    Thread.currentThread().join();
  }
}
