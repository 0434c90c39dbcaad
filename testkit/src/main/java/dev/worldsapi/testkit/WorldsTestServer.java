package dev.worldsapi.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the Worlds reference server in-process, on a free loopback port, for a JUnit 5 test class,
 * and injects into test, lifecycle method and constructor parameters: a ready {@link
 * dev.worldsapi.client.WorldsClient} (workspace {@code demo/sandbox}, time from the server's {@link
 * TestClock}: it never sleeps for real), the {@link TestServer} that controls the server, the base
 * URL ({@link BaseUrl @BaseUrl String}) and the token ({@link BearerToken @BearerToken String}).
 *
 * <p>Each test starts from the same state: the jobs and workspaces the class's {@code @BeforeAll}
 * methods left (without any, no jobs unless {@link #seed()}, and the demo workspaces), no armed
 * faults, no requests received. Jobs move only when the test calls {@link TestServer#advance()}.
 */
@Documented
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(WorldsTestServerExtension.class)
public @interface WorldsTestServer {

  /** One server for the class, put back before each test (the default), or one per test. */
  Lifecycle lifecycle() default Lifecycle.PER_CLASS;

  /** Whether each test starts with the 40 demo jobs of workspace {@code demo/sandbox}. */
  boolean seed() default false;

  /** The bearer token the server accepts; not a secret, as the server is the test's own. */
  String token() default "testkit-token";

  /** How long the test server lives. */
  enum Lifecycle {
    /**
     * One server for the test class (and its nested classes), put back before each test to the data
     * the class's {@code @BeforeAll} methods left; its tests must not run in parallel with each
     * other.
     */
    PER_CLASS,
    /** A new server for each test, stopped after it. */
    PER_METHOD
  }
}
