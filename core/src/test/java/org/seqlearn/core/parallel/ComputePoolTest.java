package org.seqlearn.core.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ComputePoolTest {

  @Test
  void runsEveryIndexExactlyOnce() {
    for (int threads = 1; threads <= 4; threads++) {
      AtomicIntegerArray hits = new AtomicIntegerArray(37);
      ComputePool.parallelFor(37, threads, hits::incrementAndGet);
      for (int i = 0; i < 37; i++) {
        assertThat(hits.get(i)).isEqualTo(1);
      }
    }
  }

  @Test
  void singleThreadStaysOnCaller() {
    Set<Thread> seen = ConcurrentHashMap.newKeySet();
    ComputePool.parallelFor(10, 1, i -> seen.add(Thread.currentThread()));
    assertThat(seen).containsExactly(Thread.currentThread());
  }

  @Test
  void nestedParallelForCompletes() {
    AtomicIntegerArray hits = new AtomicIntegerArray(16);
    ComputePool.parallelFor(4, 2,
        i -> ComputePool.parallelFor(4, 2, j -> hits.incrementAndGet(i * 4 + j)));
    for (int i = 0; i < 16; i++) {
      assertThat(hits.get(i)).isEqualTo(1);
    }
  }

  @Test
  void propagatesFailures() {
    assertThatThrownBy(() -> ComputePool.parallelFor(8, 2, i -> {
      if (i == 5) {
        throw new IllegalStateException("boom");
      }
    })).isInstanceOf(IllegalStateException.class).hasMessageContaining("boom");
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> ComputePool.parallelFor(-1, 1, i -> { }))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got -1");
    assertThatThrownBy(() -> ComputePool.parallelFor(1, 0, i -> { }))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 0");
    assertThatThrownBy(() -> ComputePool.configuredThreads("x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x'");
    assertThat(ComputePool.configuredThreads("3")).isEqualTo(3);
    assertThat(ComputePool.threads()).isGreaterThanOrEqualTo(1);
  }
}
