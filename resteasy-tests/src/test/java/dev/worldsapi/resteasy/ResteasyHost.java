package dev.worldsapi.resteasy;

import dev.worldsapi.reference.ServerHost;
import dev.worldsapi.reference.ServerOptions;
import java.util.List;

/** The reference application on RESTEasy and Undertow. */
public final class ResteasyHost implements ServerHost {

  @Override
  public String name() {
    return "RESTEasy";
  }

  /** Undertow as RESTEasy's test server runs it: its own read limits, not the options'. */
  @Override
  public Running start(ServerOptions options, List<Object> components) {
    Resteasy.Started started = Resteasy.serve(options.host(), options.port(), components);
    return new Running() {
      @Override
      public int port() {
        return started.port();
      }

      @Override
      public void stop(java.time.Duration grace) {
        // Undertow, as RESTEasy's test server runs it, has no grace of its own to give.
        started.server().stop();
      }
    };
  }
}
