package dev.worldsapi.contract.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.worldsapi.contract.readme.ReadmeSnippets.Block;
import dev.worldsapi.contract.readme.ReadmeSnippets.Source;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The README's snippets as code: every XML block is well-formed, every Java block compiles against
 * the artifacts (those that import RESTEasy in resteasy-tests, which has no Jersey), and the
 * provider team's pact verification test runs as written, against the reference server, on the
 * pacts this build's consumer tests wrote.
 */
class ReadmeSnippetsIT {

  @TempDir static Path dir;

  private static final List<Block> JAVA =
      ReadmeSnippets.blocks(ReadmeSnippets.readme(), "java").stream()
          .filter(block -> !ReadmeSnippets.needsResteasy(block))
          .toList();

  /** What compiling the Java blocks threw, if anything: every test that needs them reports it. */
  private static AssertionError notCompiled;

  @BeforeAll
  static void compileEveryJavaBlock() {
    try {
      ReadmeSnippets.compile(JAVA.stream().map(ReadmeSnippets::source).toList(), dir);
    } catch (AssertionError e) {
      notCompiled = e;
    }
  }

  @TestFactory
  Stream<DynamicTest> everyXmlBlockIsWellFormed() {
    List<Block> xml = ReadmeSnippets.blocks(ReadmeSnippets.readme(), "xml");
    assertThat(xml).as("the README's XML blocks").isNotEmpty();
    return xml.stream()
        .map(
            block ->
                DynamicTest.dynamicTest(block.toString(), () -> ReadmeSnippets.parseXml(block)));
  }

  @Test
  void everyJavaBlockCompiled() {
    if (notCompiled != null) {
      throw notCompiled;
    }
    // Compiled together before the tests, each into its own package: one class file at least per
    // block, or the compile step above failed with javac's messages.
    assertThat(JAVA).as("the README's Java blocks").hasSizeGreaterThan(5);
    for (Block block : JAVA) {
      Path classes = dir.resolve("classes/readme/line" + block.line());
      assertThat(classes).as(block + " compiled").isDirectoryContaining("glob:**.class");
    }
  }

  @Test
  void theProviderTeamsPactVerificationPassesAsWrittenAgainstTheReferenceServer() throws Exception {
    if (notCompiled != null) {
      throw new AssertionError("the README's Java blocks did not compile", notCompiled);
    }
    Block block =
        JAVA.stream()
            .filter(b -> b.code().contains("class PactVerificationTest"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no PactVerificationTest in the README"));
    Source source = ReadmeSnippets.source(block);
    assertThat(Path.of("target/pacts")).as("the pacts of the consumer tests").isDirectory();

    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {dir.resolve("classes").toUri().toURL()}, getClass().getClassLoader())) {
      Class<?> test = loader.loadClass(source.pkg() + ".PactVerificationTest");
      Thread thread = Thread.currentThread();
      ClassLoader previous = thread.getContextClassLoader();
      thread.setContextClassLoader(loader);
      SummaryGeneratingListener listener = new SummaryGeneratingListener();
      try {
        Launcher launcher = LauncherFactory.create();
        launcher.execute(
            org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(test))
                .build(),
            listener);
      } finally {
        thread.setContextClassLoader(previous);
      }
      TestExecutionSummary summary = listener.getSummary();
      StringWriter failures = new StringWriter();
      summary.printFailuresTo(new PrintWriter(failures), 20);
      assertThat(summary.getTestsFailedCount()).as(failures.toString()).isZero();
      assertThat(summary.getTestsAbortedCount()).as(failures.toString()).isZero();
      assertThat(summary.getTestsSucceededCount()).as("interactions verified").isGreaterThan(10);
    }
  }

  @Test
  void aStrayClosingTagIsCaught() {
    Block broken =
        new Block(
            1, "xml", null, "<dependencies>\n  <dependency/>\n  </dependency>\n</dependencies>\n");
    assertThatThrownBy(() -> ReadmeSnippets.parseXml(broken))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("</dependency> closes <dependencies>");
  }

  @Test
  void aBlockMissingAnImportIsCaught(@TempDir Path scratch) {
    Block broken =
        new Block(7, "java", null, "WorldsClient client = WorldsClient.builder().build();\n");
    assertThatThrownBy(
            () -> ReadmeSnippets.compile(List.of(ReadmeSnippets.source(broken)), scratch))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("cannot find symbol")
        .hasMessageContaining("WorldsClient");
    assertThat(Files.exists(scratch.resolve("classes/readme/line7/Snippet.class"))).isFalse();
  }
}
