package dev.worldsapi.conformance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance suite as JUnit 5 tests: one test per generated case, grouped by operation and by
 * kind, each failing with what is wrong and a {@code curl} line that repeats it. Extend it and say
 * where the service is:
 *
 * <pre>{@code
 * class MyServiceConformanceTest extends ConformanceSuite {
 *   protected ConformanceRunner.Target target() {
 *     return new ConformanceRunner.Target(URI.create("http://localhost:9000"), token, "demo", "sandbox");
 *   }
 * }
 * }</pre>
 */
public abstract class ConformanceSuite {

  /** The running service; called once, when the tests are made. */
  protected abstract ConformanceRunner.Target target();

  /**
   * A service that holds each caller to a rate limit, and how many requests it allows in a window,
   * to check the limit too ({@link ConformanceRunner#checkRateLimit}); empty (the default) to skip
   * it. Its caller must have sent nothing in the current window, and the window must outlast the
   * check: a separate instance with a small limit, such as {@code --rate-limit=3/60}.
   */
  protected Optional<RateLimited> rateLimited() {
    return Optional.empty();
  }

  /**
   * The most bytes the service reads of a request line and headers, if it answers past it with the
   * spec's 414 and 431; empty (the default) to make no case of it.
   */
  protected OptionalInt requestHeadLimit() {
    return OptionalInt.empty();
  }

  /** A service with a rate limit, and its number of requests in a window. */
  public record RateLimited(ConformanceRunner.Target target, int requests) {}

  @TestFactory
  Stream<DynamicNode> enforcesItsRateLimit() {
    return rateLimited().stream()
        .map(
            limited ->
                DynamicTest.dynamicTest(
                    "rate limit of " + limited.requests() + " requests at " + limited.target(),
                    () -> {
                      List<String> problems =
                          new ConformanceRunner(limited.target())
                              .checkRateLimit(limited.requests());
                      if (!problems.isEmpty()) {
                        Assertions.fail(String.join("\n", problems));
                      }
                    }));
  }

  @TestFactory
  Stream<DynamicNode> conformsToTheSpec() {
    ConformanceRunner runner = new ConformanceRunner(target());
    List<ConformanceCase> cases = runner.cases(requestHeadLimit());
    System.out.print(ConformanceRunner.summary(cases));
    Map<String, Map<String, List<ConformanceCase>>> grouped = new LinkedHashMap<>();
    for (ConformanceCase c : cases) {
      grouped
          .computeIfAbsent(c.operationId(), k -> new LinkedHashMap<>())
          .computeIfAbsent(c.kind(), k -> new java.util.ArrayList<>())
          .add(c);
    }
    return grouped.entrySet().stream()
        .map(
            operation ->
                DynamicContainer.dynamicContainer(
                    operation.getKey(),
                    operation.getValue().entrySet().stream()
                        .map(
                            kind ->
                                DynamicContainer.dynamicContainer(
                                    kind.getKey(),
                                    kind.getValue().stream()
                                        .map(
                                            c ->
                                                DynamicTest.dynamicTest(
                                                    c.description(),
                                                    () -> {
                                                      ConformanceRunner.Result result =
                                                          runner.run(c);
                                                      if (!result.passed()) {
                                                        Assertions.fail(result.report());
                                                      }
                                                    }))))));
  }
}
