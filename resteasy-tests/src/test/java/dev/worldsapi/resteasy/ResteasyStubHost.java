package dev.worldsapi.resteasy;

import dev.worldsapi.server.StubApplication;
import dev.worldsapi.server.StubHost;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.WebTarget;
import java.util.List;

/** The server runtime's test application on RESTEasy and Undertow, with RESTEasy's client. */
public final class ResteasyStubHost implements StubHost {

  @Override
  public String name() {
    return "RESTEasy";
  }

  @Override
  public StubApplication.Running start(List<Object> components, Object clientFilter) {
    Resteasy.Started started = Resteasy.serve("127.0.0.1", 0, components);
    Client client = ClientBuilder.newBuilder().register(clientFilter).build();
    String base = "http://127.0.0.1:" + started.port() + "/";
    return new StubApplication.Running() {
      @Override
      public WebTarget target(String path) {
        return client.target(base).path(path);
      }

      @Override
      public void stop() {
        client.close();
        started.server().stop();
      }
    };
  }
}
