package org.seqlearn.audio.asr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ErrorRatesTest {

  @Test
  void distanceEqualsTheRecursiveDefinition() {
    Random rng = new Random(9);
    for (int trial = 0; trial < 300; trial++) {
      int[] a = rng.ints(rng.nextInt(7), 0, 3).toArray();
      int[] b = rng.ints(rng.nextInt(7), 0, 3).toArray();
      assertThat(ErrorRates.distance(a, b)).isEqualTo(recursive(a, a.length, b, b.length));
    }
  }

  @Test
  void ratesDivideByTheReferenceLength() {
    ErrorRates e = ErrorRates.of(List.of("call one two", "stop"), List.of("call one", "stop"));
    assertThat(e.wer()).isCloseTo(1 / 4.0, within(1e-12));
    assertThat(e.cer()).isCloseTo(4 / 16.0, within(1e-12));
    assertThat(ErrorRates.of(List.of("go"), List.of("")).wer()).isEqualTo(1.0);
  }

  private static int recursive(int[] a, int i, int[] b, int j) {
    if (i == 0) {
      return j;
    }
    if (j == 0) {
      return i;
    }
    int sub = recursive(a, i - 1, b, j - 1) + (a[i - 1] == b[j - 1] ? 0 : 1);
    return Math.min(sub, Math.min(recursive(a, i - 1, b, j), recursive(a, i, b, j - 1)) + 1);
  }
}
