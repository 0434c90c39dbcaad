package dev.worldsapi.conformance;

import java.net.URI;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The suite against a service of yours, built on the stubs:
 *
 * <pre>
 * ./mvnw -pl conformance -am install -DskipTests
 * ./mvnw -pl conformance test -Dworlds.conformance.url=http://localhost:9000 \
 *     -Dworlds.conformance.token="$WORLDS_TOKEN" -Dworlds.conformance.org=demo -Dworlds.conformance.workspace=sandbox
 * </pre>
 */
@EnabledIf(value = "serviceNamed", disabledReason = "no service named (-Dworlds.conformance.url)")
class ExternalServiceConformanceTest extends ConformanceSuite {

  @Override
  protected ConformanceRunner.Target target() {
    return new ConformanceRunner.Target(
        URI.create(System.getProperty("worlds.conformance.url")),
        System.getProperty("worlds.conformance.token"),
        System.getProperty("worlds.conformance.org", "demo"),
        System.getProperty("worlds.conformance.workspace", "sandbox"));
  }

  /** Runs when a service is named; otherwise says so on the console, not only in the report. */
  static boolean serviceNamed() {
    if (!System.getProperty("worlds.conformance.url", "").isBlank()) {
      return true;
    }
    System.out.println(
        "Skipped ExternalServiceConformanceTest: no service named (-Dworlds.conformance.url)");
    return false;
  }
}
