package org.seqlearn.nlp.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RowDotTest {

  @Test
  void matchesDoublePrecisionDotOnOddSizesAndOffsets() {
    Random rng = new Random(5);
    for (int n : new int[] {0, 1, 7, 8, 9, 15, 17, 300, 301}) {
      float[] a = new float[n + 3];
      float[] b = new float[n + 5];
      for (int i = 0; i < a.length; i++) {
        a[i] = (float) rng.nextGaussian();
      }
      for (int i = 0; i < b.length; i++) {
        b[i] = (float) rng.nextGaussian();
      }
      double expected = 0;
      for (int i = 0; i < n; i++) {
        expected += (double) a[3 + i] * b[5 + i];
      }
      assertThat((double) RowDot.dot(a, 3, b, 5, n)).as("n=" + n)
          .isCloseTo(expected, within(1e-4 * Math.sqrt(n + 1)));
    }
  }
}
