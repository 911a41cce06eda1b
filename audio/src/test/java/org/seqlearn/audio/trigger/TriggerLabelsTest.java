package org.seqlearn.audio.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TriggerLabelsTest {
  private final TriggerLabels course = TriggerLabels.course();

  private static int[] ones(float[] y) {
    return java.util.stream.IntStream.range(0, y.length).filter(i -> y[i] == 1f).toArray();
  }

  private static int[] range(int from, int toInclusive) {
    return java.util.stream.IntStream.rangeClosed(from, toInclusive).toArray();
  }

  @Test
  void marksTheFiftyStepsStrictlyAfterTheEndStep() {
    // 5000 ms * 1375 / 10000 = 687.5 -> step 687; ones at 688..737
    float[] y = new float[1375];
    course.markAfter(y, 5000);
    assertThat(ones(y)).containsExactly(range(688, 737));
    // 4999 ms -> 687.36 -> 687 as well; 5001 ms -> 687.6 -> 687; 5008 -> 688.6 -> 688
    assertThat(course.stepOf(4999)).isEqualTo(687);
    assertThat(course.stepOf(5008)).isEqualTo(688);
  }

  @Test
  void firstMillisecondAndLastMillisecond() {
    float[] y = new float[1375];
    course.markAfter(y, 0);
    assertThat(ones(y)).containsExactly(range(1, 50));
    float[] z = new float[1375];
    course.markAfter(z, 9999); // step 1374, nothing after it
    assertThat(ones(z)).isEmpty();
  }

  @Test
  void truncatesAtTy() {
    float[] y = new float[1375];
    course.markAfter(y, 9700); // 1333.75 -> 1333; ones 1334..1374 (41 steps)
    assertThat(ones(y)).containsExactly(range(1334, 1374));
  }

  @Test
  void overlappingLabelRunsMerge() {
    float[] y = new float[1375];
    course.markAfter(y, 1000); // 137 -> 138..187
    course.markAfter(y, 1200); // 165 -> 166..215
    assertThat(ones(y)).containsExactly(range(138, 215));
  }

  @Test
  void rejectsWrongLengthAndBadSettings() {
    assertThatThrownBy(() -> course.markAfter(new float[100], 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1375")
        .hasMessageContaining("100");
    assertThatThrownBy(() -> new TriggerLabels(0, 10, 5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
