package org.seqlearn.core.random;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GlobalSeedTest {

  @AfterEach
  void reset() {
    GlobalSeed.manualSeed(GlobalSeed.DEFAULT_SEED);
  }

  @Test
  void drawsAdvanceAndManualSeedReplaysThem() {
    GlobalSeed.manualSeed(42);
    long a = GlobalSeed.nextSeed();
    long b = GlobalSeed.nextSeed();
    assertThat(a).isNotEqualTo(b);
    assertThat(GlobalSeed.initialSeed()).isEqualTo(42);
    GlobalSeed.manualSeed(42);
    assertThat(GlobalSeed.nextSeed()).isEqualTo(a);
    assertThat(GlobalSeed.nextSeed()).isEqualTo(b);
    GlobalSeed.manualSeed(43);
    assertThat(GlobalSeed.nextSeed()).isNotEqualTo(a);
  }
}
