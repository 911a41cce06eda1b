package org.seqlearn.nlp.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Reference values from scipy 1.10 (stats.rankdata, pearsonr, spearmanr). */
class CorrelationTest {

  @Test
  void ranksTiesLikeScipyRankdata() {
    // scipy.stats.rankdata([3, 1, 3, 2, 3, 1]) -> [5, 1.5, 5, 3, 5, 1.5]
    assertThat(Correlation.rank(new double[] {3, 1, 3, 2, 3, 1}))
        .containsExactly(5, 1.5, 5, 3, 5, 1.5);
  }

  @Test
  void pearsonAndSpearmanMatchScipy() {
    double[] x = {1, 2, 2, 4, 7, 7, 7, 10};
    double[] y = {0.3, 0.1, 0.5, 0.5, 0.9, 0.2, 0.9, 1.0};
    // scipy.stats.pearsonr(x, y)[0], scipy.stats.spearmanr(x, y)[0]
    assertThat(Correlation.pearson(x, y)).isCloseTo(0.7072236873262547, within(1e-12));
    assertThat(Correlation.spearman(x, y)).isCloseTo(0.6647116801916952, within(1e-12));
    assertThat(Correlation.pearson(x, new double[] {1, 1, 1, 1, 1, 1, 1, 1})).isNaN();
  }
}
