package dev.worldsapi.reference;

import java.util.List;

/**
 * The Jakarta REST implementation and HTTP server the reference application runs on: Jersey on
 * Jetty, unless the system property {@value #PROPERTY} names another host's class, which is how the
 * {@code resteasy-tests} module runs the same application on RESTEasy.
 */
public interface ServerHost {

  /** The system property naming the host's class; unset for Jersey. */
  String PROPERTY = "worlds.reference.host";

  /** The implementation's name, for messages: {@code Jersey}, {@code RESTEasy}. */
  String name();

  /**
   * Whether the host closes a connection without an answer when a response carries {@link
   * dev.worldsapi.reference.controls.Faults#DROP_HEADER}, for the dropped-connection fault.
   */
  default boolean dropsConnections() {
    return false;
  }

  /**
   * Serves {@code components} (resources, providers, features, as instances) on the options' host
   * and port (0 for any free one), started, holding clients to the options' connection and body
   * limits where the host's engine can.
   */
  Running start(ServerOptions options, List<Object> components);

  /** A started server. */
  interface Running {
    int port();

    /**
     * Stops accepting requests at once, lets those in flight finish for up to {@code grace}, and
     * returns as soon as none is left (or the grace is over).
     */
    void stop(java.time.Duration grace);
  }

  /** The host the system property selects. */
  static ServerHost selected() {
    String name = System.getProperty(PROPERTY);
    if (name == null) {
      return new JerseyHost();
    }
    try {
      return (ServerHost) Class.forName(name).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalStateException(PROPERTY + "=" + name + " is not a ServerHost here", e);
    }
  }
}
