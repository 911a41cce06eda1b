package org.seqlearn.nlp.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationReportTest {

  @Test
  void handMadePredictions() {
    int[] truth = {0, 0, 0, 1, 1, 2, 2, 2, 2};
    int[] pred = {0, 0, 1, 1, 2, 2, 2, 0, 2};
    ClassificationReport r = ClassificationReport.of(truth, pred, 3);
    assertThat(r.confusion()).isDeepEqualTo(new long[][] {{2, 1, 0}, {0, 1, 1}, {1, 0, 3}});
    assertThat(r.accuracy()).isCloseTo(6.0 / 9, within(1e-12));
    assertThat(r.precision(0)).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(r.recall(0)).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(r.precision(1)).isCloseTo(1.0 / 2, within(1e-12));
    assertThat(r.recall(1)).isCloseTo(1.0 / 2, within(1e-12));
    assertThat(r.precision(2)).isCloseTo(3.0 / 4, within(1e-12));
    assertThat(r.recall(2)).isCloseTo(3.0 / 4, within(1e-12));
    assertThat(r.toString()).contains("accuracy 0.6667 over 9");
  }

  @Test
  void emptyClassesGiveNaN() {
    ClassificationReport r = ClassificationReport.of(new int[] {0, 0}, new int[] {0, 0}, 2);
    assertThat(r.precision(1)).isNaN();
    assertThat(r.recall(1)).isNaN();
    assertThat(r.accuracy()).isEqualTo(1.0);
  }

  @Test
  void crossValidationSummary() {
    ClassificationReport a = ClassificationReport.of(new int[] {0, 1}, new int[] {0, 1}, 2);
    ClassificationReport b = ClassificationReport.of(new int[] {0, 1}, new int[] {1, 1}, 2);
    CrossValidationResult cv = new CrossValidationResult(List.of(a, b));
    assertThat(cv.foldAccuracies()).containsExactly(1.0, 0.5);
    assertThat(cv.meanAccuracy()).isEqualTo(0.75);
    assertThat(cv.stdAccuracy()).isCloseTo(Math.sqrt(0.125), within(1e-12));
    assertThat(cv.pooled().confusion()).isDeepEqualTo(new long[][] {{1, 1}, {0, 2}});
  }
}
