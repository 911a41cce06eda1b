package org.seqlearn.layers.recurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChunkPipelineTest {

  /**
   * Every lane runs every chunk exactly once, in chunk order, only after the recurrence has
   * completed that chunk, and (lanes past 0) after lane 0 has run it; the recurrence's rounds
   * run in order.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 5})
  void runsEveryChunkOfEveryLaneInOrderOnceReady(int threads) {
    int rounds = 23;
    int perChunk = 4;
    int chunks = (rounds + perChunk - 1) / perChunk;
    int lanes = 4;
    AtomicIntegerArray roundsRun = new AtomicIntegerArray(1);
    AtomicIntegerArray laneNext = new AtomicIntegerArray(lanes);
    List<String> errors = Collections.synchronizedList(new ArrayList<>());
    ChunkPipeline.run(rounds, r -> {
      if (roundsRun.getAndIncrement(0) != r) {
        errors.add("round " + r + " out of order");
      }
      sleepMicros(50);
      return r == rounds - 1 ? chunks : (r + 1) / perChunk;
    }, chunks, lanes, true, (lane, chunk) -> {
      int completedRounds = roundsRun.get(0);
      if (completedRounds < Math.min(rounds, (chunk + 1) * perChunk)) {
        errors.add("lane " + lane + " ran chunk " + chunk + " after only " + completedRounds
            + " rounds");
      }
      if (lane > 0 && laneNext.get(0) <= chunk) {
        errors.add("lane " + lane + " ran chunk " + chunk + " before lane 0");
      }
      if (laneNext.get(lane) != chunk) {
        errors.add("lane " + lane + " ran chunk " + chunk + " out of order");
      }
      sleepMicros(30);
      laneNext.set(lane, chunk + 1);
    }, threads);
    assertThat(errors).isEmpty();
    assertThat(roundsRun.get(0)).isEqualTo(rounds);
    for (int q = 0; q < lanes; q++) {
      assertThat(laneNext.get(q)).as("lane %d", q).isEqualTo(chunks);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void aFailureInTheRecurrenceOrInALaneReachesTheCaller(int threads) {
    assertThatThrownBy(() -> ChunkPipeline.run(10, r -> {
      if (r == 6) {
        throw new IllegalStateException("round 6");
      }
      return r / 2;
    }, 5, 2, false, (lane, chunk) -> {}, threads)).hasMessageContaining("round 6");
    assertThatThrownBy(() -> ChunkPipeline.run(10, r -> r / 2, 5, 2, false, (lane, chunk) -> {
      if (lane == 1 && chunk == 3) {
        throw new IllegalArgumentException("lane 1 chunk 3");
      }
    }, threads)).hasMessageContaining("lane 1 chunk 3");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void noRoundsOrNoLanesIsFine(int threads) {
    AtomicIntegerArray ran = new AtomicIntegerArray(1);
    ChunkPipeline.run(0, r -> 0, 3, 2, true, (lane, chunk) -> ran.incrementAndGet(0), threads);
    assertThat(ran.get(0)).isEqualTo(6);
    ChunkPipeline.run(5, r -> {
      ran.incrementAndGet(0);
      return 0;
    }, 0, 0, true, (lane, chunk) -> {}, threads);
    assertThat(ran.get(0)).isEqualTo(11);
  }

  private static void sleepMicros(long micros) {
    long end = System.nanoTime() + micros * 1000;
    while (System.nanoTime() < end) {
      Thread.onSpinWait();
    }
  }
}
