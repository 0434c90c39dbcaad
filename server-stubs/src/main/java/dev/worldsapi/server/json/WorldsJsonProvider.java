package dev.worldsapi.server.json;

import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/** Reads and writes JSON with {@link ServerObjectMapper}. */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
@Produces({MediaType.APPLICATION_JSON, "application/*+json"})
public final class WorldsJsonProvider extends JacksonJsonProvider {

  public WorldsJsonProvider() {
    this(ServerObjectMapper.create());
  }

  /** With {@code json}, a {@link ServerObjectMapper} shared with {@link ValidatedBodies}. */
  public WorldsJsonProvider(com.fasterxml.jackson.databind.ObjectMapper json) {
    super(json);
  }
}
