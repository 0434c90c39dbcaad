package dev.worldsapi.testkit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.worldsapi.client.WorldsClient;
import dev.worldsapi.client.model.WorldJob;
import dev.worldsapi.reference.ReferenceServer;
import dev.worldsapi.reference.ServerOptions;
import dev.worldsapi.reference.Workspaces;
import dev.worldsapi.reference.controls.Faults;
import dev.worldsapi.reference.controls.TestControls;
import dev.worldsapi.server.json.ServerObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * The reference server of one test, in-process on a free loopback port, and its controls: data,
 * faults armed for the next requests, the requests received, and the job worker, which moves only
 * when the test calls {@link #advance()}. Made by {@link WorldsTestServer}, or by {@link
 * #start(String, boolean)} for use without the extension. Thread-safe.
 */
public final class TestServer implements AutoCloseable {

  private static final ObjectMapper SERVER_JSON = ServerObjectMapper.create();
  // Reads the server's JSON into the client's model as the client does: unknown fields ignored,
  // timestamps kept in the offset they were written with.
  private static final ObjectMapper CLIENT_JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          .build();

  private final ReferenceServer server;
  private final TestControls controls;
  private final TestClock clock;
  private final boolean seed;
  private final String baseUrl;
  private final WorldsClient client;
  private volatile boolean closed;
  private volatile TestControls.Snapshot start;

  private TestServer(String token, boolean seed) {
    this.clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    this.seed = seed;
    this.server =
        ReferenceServer.start(
            ServerOptions.builder()
                .port(0)
                .token(token)
                .seed(seed)
                .workerStep(Duration.ZERO)
                .testMode(true)
                .build(),
            clock);
    this.controls = server.controls();
    this.baseUrl = "http://" + ServerOptions.DEFAULT_HOST + ":" + server.port();
    this.client = clientBuilder().build();
  }

  /**
   * Starts a server accepting {@code token}, with the 40 demo jobs if {@code seed}; {@link
   * #close()} stops it. The extension does this for a test; this is for other harnesses.
   */
  public static TestServer start(String token, boolean seed) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("the token must not be blank");
    }
    return new TestServer(token.strip(), seed);
  }

  /** Where the server listens, e.g. {@code http://127.0.0.1:49152}. */
  public String baseUrl() {
    return baseUrl;
  }

  /** The one bearer token the server accepts. */
  public String token() {
    return controls.token();
  }

  /** The user id the token stands for: {@code created_by} of the jobs the client creates. */
  public String callerId() {
    return controls.caller().getId().toString();
  }

  /** The client the extension injects: {@link #clientBuilder()} as it is. */
  public WorldsClient client() {
    return client;
  }

  /**
   * A client builder set up for this server: base URL, token, workspace {@link #workspace()}, and
   * {@link #clock()} as both clock and sleeper, so that retries and waits take no real time. Change
   * what the test needs (retry policy, timeouts) and build.
   */
  public WorldsClient.Builder clientBuilder() {
    return WorldsClient.builder()
        .baseUrl(baseUrl)
        .token(controls.token())
        .workspace(workspace().org(), workspace().workspace())
        .clock(clock)
        .sleeper(clock);
  }

  /** The server's and the injected client's time. */
  public TestClock clock() {
    return clock;
  }

  // ---- data

  /** The workspace the injected client acts in, open to it: {@code demo/sandbox}. */
  public TestWorkspace workspace() {
    return workspace(controls.defaultWorkspace(), true);
  }

  /** A workspace that exists but the caller may not use: {@code demo/restricted} (403). */
  public TestWorkspace forbiddenWorkspace() {
    return workspace(controls.forbiddenWorkspace(), false);
  }

  /**
   * Adds a workspace open to the caller (until the next test). Use it with {@code
   * client.workspace(ws.org(), ws.workspace())} and {@link JobBuilder#in(TestWorkspace)}.
   */
  public TestWorkspace addWorkspace(String org, String workspace) {
    return workspace(
        controls.addWorkspace(slug("org", org), slug("workspace", workspace), true), true);
  }

  /** Adds a workspace the caller may not use (until the next test): its requests answer 403. */
  public TestWorkspace addForbiddenWorkspace(String org, String workspace) {
    return workspace(
        controls.addWorkspace(slug("org", org), slug("workspace", workspace), false), false);
  }

  /**
   * A job to put in place: a queued manifest job in {@link #workspace()}, created now by the
   * caller, unless the builder says otherwise.
   */
  public JobBuilder job() {
    return new JobBuilder(this, controls);
  }

  /** The jobs of {@link #workspace()} as the server holds them, newest first. */
  public List<WorldJob> jobs() {
    return jobs(workspace());
  }

  /** The jobs of a workspace as the server holds them, newest first; not a request. */
  public List<WorldJob> jobs(TestWorkspace workspace) {
    return controls.jobs(new Workspaces.Key(workspace.org(), workspace.workspace())).stream()
        .map(TestServer::toClientModel)
        .toList();
  }

  // ---- faults and requests

  /**
   * Arms a fault for the next {@code count} requests (to any operation unless narrowed with {@link
   * NextRequests#to(Operation)}): {@code server.nextRequests(2).with(Fault.internalError())}.
   * Faults armed earlier are met first.
   */
  public NextRequests nextRequests(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be 1 or more, got " + count);
    }
    return new NextRequests(controls.faults(), count, null);
  }

  /** How many requests the armed faults still wait for. */
  public int pendingFaults() {
    return controls.faults().pending();
  }

  /**
   * Every request the server received in this test (refused ones too), oldest first, with its
   * headers, body and the status it was answered.
   */
  public List<ReceivedRequest> requests() {
    return controls.received().stream().map(ReceivedRequest::of).toList();
  }

  /** The requests this test sent to one operation, oldest first. */
  public List<ReceivedRequest> requests(Operation operation) {
    Objects.requireNonNull(operation, "operation");
    return requests().stream().filter(r -> r.isTo(operation)).toList();
  }

  // ---- time

  /**
   * Moves every unfinished job one step of its lifecycle, and the clock one second: a cancellation
   * request ends a job, a queued job starts, a running job progresses and after its fifth step from
   * queued completes (or fails, as {@link JobBuilder#failsWith(String)} or a create named {@code
   * fail...} asks). Returns how many jobs changed.
   */
  public int advance() {
    clock.advance(Duration.ofSeconds(1));
    return controls.step();
  }

  /**
   * Steps the jobs once for every {@code period} the injected client sleeps (its waiter's polls,
   * its retry backoffs), as the real worker moves jobs while a client waits: with {@code
   * stepJobsEvery(Duration.ofSeconds(5))}, {@code client.jobs().waitFor(id)} sees a created job
   * queued, running, then completed, in no real time. {@code Duration.ZERO} turns it off, as does
   * each test's reset: by default jobs move only on {@link #advance()}.
   */
  public void stepJobsEvery(Duration period) {
    if (period == null || period.isNegative()) {
      throw new IllegalArgumentException("period must be zero or more, got " + period);
    }
    if (period.isZero()) {
      clock.onSleep(slept -> {});
      return;
    }
    Duration[] owed = {Duration.ZERO};
    clock.onSleep(
        slept -> {
          synchronized (owed) {
            owed[0] = owed[0].plus(slept);
            while (owed[0].compareTo(period) >= 0) {
              owed[0] = owed[0].minus(period);
              controls.step();
            }
          }
        });
  }

  /** {@link #advance()} {@code steps} times; returns how many job changes there were. */
  public int advance(int steps) {
    int changes = 0;
    for (int i = 0; i < steps; i++) {
      changes += advance();
    }
    return changes;
  }

  /**
   * Back to the state this test started from: the data the class's {@code @BeforeAll} methods left
   * (no jobs, or the demo jobs if seeded, and the demo workspaces, when they left nothing); no
   * armed faults, no requests or sleeps remembered, jobs moving only on {@link #advance()}.
   */
  public void reset() {
    TestControls.Snapshot from = start;
    if (from == null) {
      controls.reset(seed);
    } else {
      controls.restore(from);
    }
    clock.onSleep(slept -> {});
    clock.forgetSleeps();
  }

  /** Makes {@code snapshot} the state this test starts from, and goes back to it. */
  void startFrom(TestControls.Snapshot snapshot) {
    this.start = snapshot;
    reset();
  }

  /** The reference server's own controls, which the provider-state endpoint also uses. */
  TestControls controls() {
    return controls;
  }

  /** Stops the server; requests being delayed by a fault are answered first. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      server.close();
    }
  }

  @Override
  public String toString() {
    return "TestServer[" + baseUrl + "]";
  }

  /** Arms faults for the next requests; see {@link TestServer#nextRequests(int)}. */
  public static final class NextRequests {
    private final Faults faults;
    private final int count;
    private final Operation operation;

    NextRequests(Faults faults, int count, Operation operation) {
      this.faults = faults;
      this.count = count;
      this.operation = operation;
    }

    /** Only requests to this operation; others pass. */
    public NextRequests to(Operation operation) {
      return new NextRequests(faults, count, Objects.requireNonNull(operation, "operation"));
    }

    /** Arms the fault. */
    public void with(Fault fault) {
      faults.arm(
          Objects.requireNonNull(fault, "fault").underneath(),
          count,
          operation == null
              ? null
              : dev.worldsapi.reference.controls.Operation.valueOf(operation.name()));
    }
  }

  static WorldJob toClientModel(dev.worldsapi.server.model.WorldJob job) {
    try {
      return CLIENT_JSON.readValue(SERVER_JSON.writeValueAsBytes(job), WorldJob.class);
    } catch (IOException e) {
      throw new UncheckedIOException("a job the server holds did not read as the client's", e);
    }
  }

  private static TestWorkspace workspace(Workspaces.Key key, boolean callerMayUse) {
    return new TestWorkspace(key.org(), key.workspace(), callerMayUse);
  }

  private static String slug(String name, String value) {
    if (value == null || value.isBlank() || value.contains("/")) {
      throw new IllegalArgumentException(
          name + " must be a non-blank slug without '/', got \"" + value + "\"");
    }
    return value;
  }
}
