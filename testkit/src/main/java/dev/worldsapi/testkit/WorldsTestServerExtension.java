package dev.worldsapi.testkit;

import dev.worldsapi.client.WorldsClient;
import dev.worldsapi.reference.controls.TestControls;
import java.lang.reflect.Parameter;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link WorldsTestServer}: starts the server before the class (or
 * before each test), puts it back before each test to the data the class's {@code @BeforeAll}
 * methods left, stops it when the class (or test) is done, and resolves the parameters the
 * annotation lists.
 */
public final class WorldsTestServerExtension
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(WorldsTestServerExtension.class);
  private static final String SERVER = "server";
  private static final String BASELINE = "baseline";

  @Override
  public void beforeAll(ExtensionContext context) {
    if (settings(context).lifecycle() == WorldsTestServer.Lifecycle.PER_CLASS) {
      TestServer server = classServer(context);
      // A nested class's @BeforeAll starts from what its enclosing class's tests start from,
      // not from whatever the last of them left.
      context
          .getParent()
          .map(
              parent ->
                  parent.getStore(NAMESPACE).get(baseline(parent), TestControls.Snapshot.class))
          .ifPresent(server::startFrom);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    WorldsTestServer settings = settings(context);
    if (settings.lifecycle() == WorldsTestServer.Lifecycle.PER_METHOD) {
      context.getStore(NAMESPACE).put(SERVER, new Running(start(settings)));
      return;
    }
    TestServer server = server(context);
    // Each test of a class starts from the data its @BeforeAll methods left: taken before its
    // first test, put back before every other.
    ExtensionContext testClass = context;
    while (testClass.getTestMethod().isPresent()) {
      // A parameterized or repeated test's invocations sit under the method's own context.
      testClass = testClass.getParent().orElseThrow();
    }
    TestControls.Snapshot baseline =
        testClass
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(
                baseline(testClass),
                key -> server.controls().snapshot(),
                TestControls.Snapshot.class);
    server.startFrom(baseline);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    // A delayed request still waiting would hold the next test up: end its wait now.
    server(context).controls().faults().clear();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == WorldsClient.class
        || type == TestServer.class
        || type == TestClock.class
        || (type == String.class
            && (parameter.isAnnotated(BaseUrl.class) || parameter.isAnnotated(BearerToken.class)));
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    TestServer server = server(context);
    Parameter p = parameter.getParameter();
    if (p.getType() == WorldsClient.class) {
      return server.client();
    }
    if (p.getType() == TestServer.class) {
      return server;
    }
    if (p.getType() == TestClock.class) {
      return server.clock();
    }
    return parameter.isAnnotated(BaseUrl.class) ? server.baseUrl() : server.token();
  }

  /** The key of a class's baseline: one per class, as stores answer for their parents' keys. */
  private static String baseline(ExtensionContext testClass) {
    return BASELINE + " " + testClass.getUniqueId();
  }

  private static TestServer server(ExtensionContext context) {
    Running running = context.getStore(NAMESPACE).get(SERVER, Running.class);
    if (running != null) {
      return running.server;
    }
    if (settings(context).lifecycle() == WorldsTestServer.Lifecycle.PER_CLASS) {
      // A constructor or a non-static @BeforeAll of a @TestInstance(PER_CLASS) class asks before
      // beforeAll has run.
      return classServer(context);
    }
    throw new ParameterResolutionException(
        "no test server here: with @WorldsTestServer(lifecycle = PER_METHOD) the server exists"
            + " for test methods and @BeforeEach/@AfterEach only, not for constructors or"
            + " @BeforeAll");
  }

  /** The server of the annotated class, started on first need; its nested classes share it. */
  private static TestServer classServer(ExtensionContext context) {
    ExtensionContext owner = owner(context);
    WorldsTestServer settings = settings(owner);
    return owner
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(SERVER, key -> new Running(start(settings)), Running.class)
        .server;
  }

  private static WorldsTestServer settings(ExtensionContext context) {
    return annotation(owner(context)).orElseThrow();
  }

  /** The context of the nearest class, this one or an enclosing one, that is annotated. */
  private static ExtensionContext owner(ExtensionContext context) {
    for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
      if (annotation(c).isPresent()) {
        return c;
      }
    }
    throw new ExtensionConfigurationException(
        "WorldsTestServerExtension needs @WorldsTestServer on the test class or an enclosing one");
  }

  private static Optional<WorldsTestServer> annotation(ExtensionContext context) {
    return context.getTestMethod().isPresent()
        ? Optional.empty()
        : context
            .getTestClass()
            .flatMap(type -> AnnotationSupport.findAnnotation(type, WorldsTestServer.class));
  }

  private static TestServer start(WorldsTestServer settings) {
    return TestServer.start(settings.token(), settings.seed());
  }

  /**
   * The server as the extension stores it: JUnit closes what it stores when the class or test is
   * done, through {@link AutoCloseable} (JUnit 5.13 and later) or {@code CloseableResource}
   * (earlier versions), whichever it knows; closing twice is harmless.
   */
  @SuppressWarnings("deprecation")
  private static final class Running
      implements AutoCloseable, ExtensionContext.Store.CloseableResource {
    final TestServer server;

    Running(TestServer server) {
      this.server = server;
    }

    @Override
    public void close() {
      server.close();
    }
  }
}
