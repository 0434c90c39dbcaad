package dev.worldsapi.reference;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar worlds-reference-server.jar [options]}; {@code --help} lists the options. */
public final class ReferenceServerMain {

  private ReferenceServerMain() {}

  public static void main(String[] args) throws InterruptedException {
    System.exit(run(args, System.getenv(), System.out, System.err));
  }

  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err)
      throws InterruptedException {
    if (ServerOptions.asksForHelp(args)) {
      out.print(ServerOptions.HELP);
      return 0;
    }
    ServerOptions options;
    try {
      options = ServerOptions.parse(args, env);
    } catch (IllegalArgumentException e) {
      err.println("worlds-reference-server: " + e.getMessage());
      return 2;
    }
    ReferenceServer server = ReferenceServer.start(options);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  out.println(
                      "Stopping: finishing requests in flight (up to "
                          + options.shutdownGrace().toMillis()
                          + " ms)");
                  out.flush();
                  server.close();
                  out.println("Stopped");
                  out.flush();
                  stopped.countDown();
                  // A stop asked for (SIGTERM, Ctrl-C) that went as planned is a success: exit 0,
                  // not the signal's 128+n. Halting here skips the hooks not yet run; the server
                  // registers none besides this one.
                  Runtime.getRuntime().halt(0);
                },
                "worlds-shutdown"));
    String base =
        "http://"
            + (options.host().equals("0.0.0.0") ? "localhost" : options.host())
            + ":"
            + server.port();
    out.println(
        "Worlds reference server listening on "
            + base
            + (options.host().equals("0.0.0.0") ? " (every interface)" : ""));
    out.println("  API docs:  " + base + "/docs");
    out.println("  Spec:      " + base + "/openapi.yaml");
    out.println(
        "  Jobs:      "
            + base
            + "/api/v1/org/"
            + DemoData.ORG
            + "/ws/"
            + DemoData.WORKSPACE
            + "/worlds/jobs");
    out.println(
        "  Token:     "
            + (options.token().equals(ServerOptions.DEFAULT_TOKEN)
                ? "the development token (see README)"
                : "the one given with --token or WORLDS_TOKEN"));
    out.println(
        "  Seeded:    "
            + (options.seed() ? DemoData.SEEDED_JOBS + " demo jobs" : "nothing (--no-seed)")
            + "; worker step "
            + options.workerStep().toMillis()
            + " ms");
    if (options.testMode()) {
      out.println(
          "  TEST MODE: provider states at POST "
              + base
              + "/"
              + ProviderStatesResource.PATH
              + ", open to anyone who reaches the server; for contract tests, never production");
    }
    out.flush();
    stopped.await();
    return 0;
  }
}
