package dev.worldsapi.server;

import java.util.List;
import java.util.ServiceLoader;

/**
 * The Jakarta REST implementation the runtime's tests run on: Jersey's in-memory connector here
 * ({@link JerseyStubHost}), unless another is on the test classpath as a {@link ServiceLoader}
 * provider of this interface, as in the {@code resteasy-tests} module, which runs these same tests
 * on RESTEasy.
 */
public interface StubHost {

  /** The implementation's name, for test names and messages: {@code Jersey}, {@code RESTEasy}. */
  String name();

  /** Serves {@code components}; the client it hands out has {@code clientFilter} registered. */
  StubApplication.Running start(List<Object> components, Object clientFilter) throws Exception;

  /** The host a provider on the classpath offers, or Jersey's in-memory one. */
  static StubHost selected() {
    return ServiceLoader.load(StubHost.class).findFirst().orElseGet(() -> new JerseyStubHost());
  }
}
