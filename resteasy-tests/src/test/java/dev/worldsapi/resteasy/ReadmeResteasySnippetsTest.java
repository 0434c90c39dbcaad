package dev.worldsapi.resteasy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldsapi.contract.readme.ReadmeSnippets;
import dev.worldsapi.contract.readme.ReadmeSnippets.Block;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java blocks that host the runtime on RESTEasy compile here, where RESTEasy and
 * Undertow are and Jersey is not (contract-tests' ReadmeSnippetsIT compiles the others).
 */
class ReadmeResteasySnippetsTest {

  @Test
  void theResteasyBlocksCompile(@TempDir Path dir) {
    List<Block> blocks =
        ReadmeSnippets.blocks(ReadmeSnippets.readme(), "java").stream()
            .filter(ReadmeSnippets::needsResteasy)
            .toList();
    assertThat(blocks).as("the README's RESTEasy blocks").isNotEmpty();

    ReadmeSnippets.compile(blocks.stream().map(ReadmeSnippets::source).toList(), dir);

    for (Block block : blocks) {
      assertThat(dir.resolve("classes/readme/line" + block.line()))
          .as(block + " compiled")
          .isDirectoryContaining("glob:**.class");
    }
  }
}
