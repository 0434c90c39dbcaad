package dev.worldsapi.client.surface;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.worldsapi.client.FakeTime;
import dev.worldsapi.client.TestClients;
import dev.worldsapi.client.WorldsClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The generated resources' Javadoc names, for each status an operation declares, the exception the
 * client throws when the API answers it: every {@code @throws ... when the API answers NNN} line is
 * held against what a call answered NNN throws.
 */
class JavadocNamesTheThrownExceptionTest {

  private static final Path GENERATED =
      Path.of("target/generated-sources/client-resources/src/main/java/dev/worldsapi/client");

  private static final Pattern THROWS =
      Pattern.compile(
          "@throws dev\\.worldsapi\\.client\\.errors\\.(\\w+) when the API answers (\\d{3})");

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TestFactory
  Stream<DynamicTest> eachDocumentedStatusThrowsTheDocumentedException() throws IOException {
    Map<Integer, String> documented = new TreeMap<>();
    try (Stream<Path> files = Files.list(GENERATED)) {
      for (Path file : files.filter(f -> f.toString().endsWith("Resource.java")).toList()) {
        Matcher m = THROWS.matcher(Files.readString(file));
        while (m.find()) {
          String before = documented.put(Integer.parseInt(m.group(2)), m.group(1));
          assertThat(before == null || before.equals(m.group(1)))
              .as("status %s documented as both %s and %s", m.group(2), before, m.group(1))
              .isTrue();
        }
      }
    }
    assertThat(documented).as("statuses documented in " + GENERATED).isNotEmpty();
    WorldsClient client = TestClients.against(server, new FakeTime()).maxRetries(0).build();
    return documented.entrySet().stream()
        .map(
            entry ->
                DynamicTest.dynamicTest(
                    entry.getKey() + " throws " + entry.getValue(),
                    () -> {
                      server.stubFor(
                          get(urlPathEqualTo(TestClients.JOBS + "/job-1"))
                              .willReturn(
                                  aResponse()
                                      .withStatus(entry.getKey())
                                      .withHeader("Content-Type", "application/json")
                                      .withBody(
                                          TestClients.envelope(entry.getKey(), "no", "error"))));
                      Throwable thrown = catchThrowable(() -> client.jobs().get("job-1"));
                      assertThat(thrown).isNotNull();
                      assertThat(thrown.getClass().getSimpleName()).isEqualTo(entry.getValue());
                    }));
  }
}
