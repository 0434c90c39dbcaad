package dev.worldsapi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JobFilterTest {

  @Test
  void anEmptyCreatorIsRefusedWithASentenceBeforeAnyRequest() {
    assertThatThrownBy(() -> JobFilter.all().createdBy(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("createdBy must not be empty; pass null to list the jobs of every creator");
  }

  @Test
  void nullRemovesTheCreatorCondition() {
    assertThat(JobFilter.all().createdBy("user-1").createdBy(null).createdBy()).isNull();
  }
}
