package dev.worldsapi.reference;

import java.util.List;
import java.util.ServiceLoader;

/**
 * The Jakarta REST implementation and HTTP server the reference application runs on: Jersey on
 * Jetty ({@link JerseyHost}), unless another is given to {@link
 * ReferenceServer#start(ServerOptions, java.time.Clock, ServerHost)} or is on the classpath as a
 * {@link ServiceLoader} provider of this interface ({@code
 * META-INF/services/dev.worldsapi.reference.ServerHost}), which is how the RESTEasy tests run the
 * same application on RESTEasy.
 */
public interface ServerHost {

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
   * Whether the host answers a request head over the options' {@code maxHeadBytes} with the spec's
   * 414 or 431 and the envelope (the conformance suite then provokes both).
   */
  default boolean answersHeadLimits() {
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

  /** The host a provider on the classpath offers, or Jersey's when there is none. */
  static ServerHost selected() {
    return ServiceLoader.load(ServerHost.class).findFirst().orElseGet(() -> new JerseyHost());
  }
}
