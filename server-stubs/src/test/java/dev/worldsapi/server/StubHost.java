package dev.worldsapi.server;

import java.util.List;

/**
 * The Jakarta REST implementation the runtime's tests run on: Jersey's in-memory connector here
 * ({@link JerseyStubHost}); the {@code resteasy-tests} module runs these same tests on RESTEasy.
 */
public interface StubHost {

  /** The system property naming the host class; unset for Jersey. */
  String CLASS_PROPERTY = "worlds.stub.host";

  /** The implementation's name, for test names and messages: {@code Jersey}, {@code RESTEasy}. */
  String name();

  /** Serves {@code components}; the client it hands out has {@code clientFilter} registered. */
  StubApplication.Running start(List<Object> components, Object clientFilter) throws Exception;

  /**
   * The host named by the system property {@value #CLASS_PROPERTY} (a class name), Jersey's by
   * default. By name, so that a module without Jersey can compile these tests.
   */
  static StubHost selected() throws ReflectiveOperationException {
    String name = System.getProperty(CLASS_PROPERTY, "dev.worldsapi.server.JerseyStubHost");
    return (StubHost) Class.forName(name).getDeclaredConstructor().newInstance();
  }
}
