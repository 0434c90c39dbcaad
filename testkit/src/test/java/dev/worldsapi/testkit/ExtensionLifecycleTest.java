package dev.worldsapi.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.worldsapi.client.WorldsClient;
import dev.worldsapi.client.errors.WorldsTransportException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * How long the server lives, what each test starts from, and what can be injected where: example
 * classes run by the JUnit engine itself, then checked from outside.
 */
class ExtensionLifecycleTest {

  private static final List<String> SEEN = new ArrayList<>();
  private static final List<TestServer> SERVERS = new ArrayList<>();

  @Test
  void perClassOneServerResetBeforeEachTest() {
    Events tests = run(PerClass.class);

    tests.assertStatistics(stats -> stats.started(3).succeeded(3));
    assertThat(SEEN).hasSize(3).containsOnly(SEEN.get(0));
    assertThat(SERVERS).hasSize(3).allSatisfy(s -> assertThat(s).isSameAs(SERVERS.get(0)));
    assertStopped(SERVERS.get(0));
  }

  @Test
  void perMethodANewServerForEachTestStoppedAfterIt() {
    Events tests = run(PerMethod.class);

    tests.assertStatistics(stats -> stats.started(2).succeeded(2));
    assertThat(SEEN).hasSize(2).doesNotHaveDuplicates();
    SERVERS.forEach(ExtensionLifecycleTest::assertStopped);
  }

  @Test
  void nestedClassesShareTheirOuterClassesServer() {
    Events tests = run(Outer.class);

    tests.assertStatistics(stats -> stats.started(2).succeeded(2));
    assertThat(SERVERS).hasSize(2).allSatisfy(s -> assertThat(s).isSameAs(SERVERS.get(0)));
  }

  @Test
  void aClassWithOneInstanceGetsTheServerInItsConstructorAndBeforeAll() {
    Events tests = run(OneInstance.class);

    tests.assertStatistics(stats -> stats.started(2).succeeded(2));
    assertThat(SERVERS).hasSize(4).allSatisfy(s -> assertThat(s).isSameAs(SERVERS.get(0)));
    assertStopped(SERVERS.get(0));
  }

  @Test
  void eachTestStartsFromTheDataBeforeAllLeftAndNestedClassesAddTheirOwn() {
    Events tests = run(DataBeforeAll.class);

    tests.assertStatistics(stats -> stats.started(4).succeeded(4));
  }

  @Test
  void aConstructorOfAPerMethodClassIsToldWhyItGetsNoServer() {
    Events tests = run(PerMethodConstructor.class);

    tests.assertStatistics(stats -> stats.failed(1));
    assertThat(tests.failed().stream().findFirst().orElseThrow().toString()).contains("PER_METHOD");
  }

  private static Events run(Class<?> example) {
    SEEN.clear();
    SERVERS.clear();
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(example))
        .execute()
        .testEvents();
  }

  private static void assertStopped(TestServer server) {
    WorldsClient client = server.clientBuilder().maxRetries(0).build();
    assertThatThrownBy(() -> client.jobs().list())
        .isInstanceOf(WorldsTransportException.class)
        .hasMessageContaining("Connection refused");
  }

  @WorldsTestServer
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class PerClass {
    private final TestServer fromConstructor;

    PerClass(TestServer server) {
      this.fromConstructor = server;
    }

    @Test
    @Order(1)
    void leavesJobsFaultsRequestsAndSleepsBehind(TestServer server, @BaseUrl String url) {
      assertThat(server).isSameAs(fromConstructor);
      record(server, url);
      server.job().create(3);
      server.nextRequests(5).with(Fault.internalError());
      server.addWorkspace("acme", "lab");
      server.stepJobsEvery(java.time.Duration.ofSeconds(1));
      server.client().workspace("demo", "restricted").jobs();
      assertThat(server.pendingFaults()).isEqualTo(5);
    }

    @Test
    @Order(2)
    void findsNoneOfIt(TestServer server, WorldsClient client, @BaseUrl String url) {
      record(server, url);
      assertThat(client.jobs().list().total()).isZero();
      assertThat(server.pendingFaults()).isZero();
      assertThat(server.requests()).hasSize(1);
      assertThatThrownBy(() -> client.workspace("acme", "lab").jobs().list())
          .isInstanceOf(dev.worldsapi.client.errors.NotFoundException.class);
    }

    @Test
    @Order(3)
    void andTheWorkerNoLongerStepsOnSleeps(TestServer server, TestClock clock, @BaseUrl String url)
        throws InterruptedException {
      record(server, url);
      server.job().create();
      clock.sleep(java.time.Duration.ofMinutes(1));
      assertThat(server.jobs())
          .singleElement()
          .extracting(j -> j.status().value())
          .isEqualTo("queued");
    }
  }

  @WorldsTestServer(lifecycle = WorldsTestServer.Lifecycle.PER_METHOD, seed = true)
  static class PerMethod {
    @Test
    void one(TestServer server, @BaseUrl String url, WorldsClient client) {
      record(server, url);
      assertThat(client.jobs().list().total()).isEqualTo(40);
    }

    @Test
    void two(TestServer server, @BaseUrl String url) {
      record(server, url);
    }
  }

  @WorldsTestServer
  static class Outer {
    @Test
    void outer(TestServer server) {
      SERVERS.add(server);
    }

    @Nested
    class Inner {
      @Test
      void inner(TestServer server) {
        SERVERS.add(server);
      }
    }
  }

  @WorldsTestServer
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  static class OneInstance {
    OneInstance(TestServer server) {
      SERVERS.add(server);
    }

    @BeforeAll
    void before(TestServer server) {
      SERVERS.add(server);
    }

    @Test
    void one(TestServer server) {
      SERVERS.add(server);
    }

    @Test
    void two(TestServer server) {
      SERVERS.add(server);
    }
  }

  @WorldsTestServer
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class DataBeforeAll {
    @BeforeAll
    static void jobsAndAWorkspace(TestServer server) {
      server.job().create(3);
      server.addWorkspace("acme", "lab");
    }

    @Test
    @Order(1)
    void seesThemAndChangesThem(TestServer server, WorldsClient client) {
      assertThat(client.jobs().list().total()).isEqualTo(3);
      assertThat(client.workspace("acme", "lab").jobs().list().total()).isZero();
      server.job().create(2);
      server.advance(5);
      server.addWorkspace("acme", "other");
    }

    @Test
    @Order(2)
    void seesThemAsBeforeAllLeftThem(TestServer server, WorldsClient client) {
      assertThat(client.jobs().list().items())
          .hasSize(3)
          .allSatisfy(job -> assertThat(job.status().value()).isEqualTo("queued"));
      assertThat(server.requests()).hasSize(1);
      assertThatThrownBy(() -> client.workspace("acme", "other").jobs().list())
          .isInstanceOf(dev.worldsapi.client.errors.NotFoundException.class);
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class WithMore {
      @BeforeAll
      void oneMore(TestServer server) {
        server.job().status(dev.worldsapi.client.model.JobStatus.FAILED).create();
      }

      @Test
      @Order(1)
      void seesTheOuterDataAndItsOwn(WorldsClient client, TestServer server) {
        assertThat(client.jobs().list().total()).isEqualTo(4);
        server.job().create(10);
      }

      @Test
      @Order(2)
      void andOnlyThat(WorldsClient client) {
        assertThat(client.jobs().list().total()).isEqualTo(4);
      }
    }
  }

  @WorldsTestServer(lifecycle = WorldsTestServer.Lifecycle.PER_METHOD)
  static class PerMethodConstructor {
    PerMethodConstructor(TestServer server) {}

    @Test
    void never() {}
  }

  private static void record(TestServer server, String url) {
    SEEN.add(url);
    SERVERS.add(server);
  }
}
