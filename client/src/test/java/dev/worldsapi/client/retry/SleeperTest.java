package dev.worldsapi.client.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldsapi.client.errors.WorldsException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SleeperTest {

  @Test
  void interruptionBecomesAWorldsExceptionAndKeepsTheInterruptFlag() {
    Sleeper interrupted =
        duration -> {
          throw new InterruptedException();
        };

    try {
      assertThatThrownBy(() -> interrupted.sleepFor(Duration.ofSeconds(1), "to retry"))
          .isInstanceOf(WorldsException.class)
          .hasMessage("interrupted while waiting to retry")
          .hasCauseInstanceOf(InterruptedException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }
}
