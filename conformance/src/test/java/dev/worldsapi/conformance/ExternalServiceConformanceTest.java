package dev.worldsapi.conformance;

import java.net.URI;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The suite against a service of yours, built on the stubs:
 *
 * <pre>
 * ./mvnw -pl conformance -am install -DskipTests
 * ./mvnw -pl conformance test -Dworlds.conformance.url=http://localhost:9000 \
 *     -Dworlds.conformance.token="$WORLDS_TOKEN" -Dworlds.conformance.org=demo -Dworlds.conformance.workspace=sandbox
 * </pre>
 */
@EnabledIfSystemProperty(named = "worlds.conformance.url", matches = ".+")
class ExternalServiceConformanceTest extends ConformanceSuite {

  @Override
  protected ConformanceRunner.Target target() {
    return new ConformanceRunner.Target(
        URI.create(System.getProperty("worlds.conformance.url")),
        System.getProperty("worlds.conformance.token"),
        System.getProperty("worlds.conformance.org", "demo"),
        System.getProperty("worlds.conformance.workspace", "sandbox"));
  }
}
