package org.seqlearn.nlp.debias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.seqlearn.nlp.vectors.WordVectors;

class DebiasTest {

  private static final int D = 16;

  /** Unit vectors with a planted gender axis: the "female" word = base + axis. */
  private static WordVectors constructed() {
    Random rng = new Random(3);
    float[] axis = gaussian(rng, 1.0);
    List<String> words = new ArrayList<>();
    List<float[]> rows = new ArrayList<>();
    String[][] pairs = {{"woman", "man"}, {"girl", "boy"}, {"mother", "father"},
        {"she", "he"}, {"actress", "actor"}};
    for (String[] p : pairs) {
      float[] base = gaussian(rng, 1.0);
      float[] noise = gaussian(rng, 0.05);
      float[] female = new float[D];
      for (int j = 0; j < D; j++) {
        female[j] = base[j] + axis[j] + noise[j];
      }
      words.add(p[0]);
      rows.add(female);
      words.add(p[1]);
      rows.add(base);
    }
    for (String w : new String[] {"receptionist", "engineer", "doctor", "nurse"}) {
      float[] v = gaussian(rng, 1.0);
      for (int j = 0; j < D; j++) {
        v[j] += (w.equals("receptionist") || w.equals("nurse") ? 0.7f : -0.5f) * axis[j];
      }
      words.add(w);
      rows.add(v);
    }
    float[] m = new float[words.size() * D];
    for (int i = 0; i < rows.size(); i++) {
      System.arraycopy(rows.get(i), 0, m, i * D, D);
    }
    return WordVectors.of(words, m, D).normalized();
  }

  private static float[] gaussian(Random rng, double scale) {
    float[] v = new float[D];
    for (int j = 0; j < D; j++) {
      v[j] = (float) (rng.nextGaussian() * scale);
    }
    return v;
  }

  private static List<String[]> definitional() {
    return List.of(new String[] {"woman", "man"}, new String[] {"girl", "boy"},
        new String[] {"mother", "father"}, new String[] {"she", "he"});
  }

  @Test
  void neutralisedWordsHaveZeroProjection() {
    WordVectors v = constructed();
    float[] g = BiasDirection.averageDifference(v, definitional());
    assertThat(Debias.projection(v.vector("receptionist"), g)).isGreaterThan(0.1);
    WordVectors n = Debias.neutralize(v, g, List.of("receptionist", "engineer", "doctor"));
    for (String w : List.of("receptionist", "engineer", "doctor")) {
      assertThat(Debias.projection(n.vector(w), g)).isCloseTo(0, within(1e-6));
    }
    assertThat(n.vector("nurse")).isEqualTo(v.vector("nurse"));
    assertThat(v.vector("receptionist")).isNotEqualTo(n.vector("receptionist"));
  }

  @Test
  void equalisedPairsAreSymmetricAroundTheNeutralWords() {
    WordVectors v = constructed();
    float[] g = BiasDirection.principalComponent(v, definitional());
    List<String> neutral = List.of("receptionist", "engineer", "doctor", "nurse");
    WordVectors n = Debias.neutralize(v, g, neutral);
    WordVectors eq = Debias.equalize(n, g, List.of(new String[] {"actress", "actor"},
        new String[] {"mother", "father"}));
    for (String[] pair : new String[][] {{"actress", "actor"}, {"mother", "father"}}) {
      float[] a = eq.vector(pair[0]);
      float[] b = eq.vector(pair[1]);
      double pa = Debias.projection(a, g);
      double pb = Debias.projection(b, g);
      assertThat(pa).isGreaterThan(0.05);
      assertThat(pa).isCloseTo(-pb, within(1e-6));
      for (String w : neutral) {
        float[] e = eq.vector(w);
        assertThat(distance(a, e)).as(pair[0] + "/" + w).isCloseTo(distance(b, e), within(1e-6));
      }
    }
  }

  @Test
  void equaliseFollowsTheCourseFormulaOnAHandExample() {
    // g = x axis; e1 = (0.6, 0.8, 0), e2 = (-0.2, 0.6, 0):
    // mu = (0.2, 0.7, 0), mu_B = (0.2, 0, 0), mu_orth = (0, 0.7, 0), sqrt(1 - 0.49) = 0.714143
    // e1B - mu_B = (0.4, 0, 0), |e1 - mu| = |(0.4, 0.1, 0)| = 0.412311
    float[][] r = Debias.equalize(new float[] {0.6f, 0.8f, 0}, new float[] {-0.2f, 0.6f, 0},
        new float[] {2, 0, 0});
    double x = Math.sqrt(0.51) * 0.4 / Math.sqrt(0.17);
    assertThat(r[0]).containsExactly(new float[] {(float) x, 0.7f, 0}, within(1e-6f));
    assertThat(r[1]).containsExactly(new float[] {(float) -x, 0.7f, 0}, within(1e-6f));
  }

  @Test
  void directionsAgreeOnPlantedAxis() {
    WordVectors v = constructed();
    float[] avg = BiasDirection.averageDifference(v, definitional());
    float[] pc = BiasDirection.principalComponent(v, definitional());
    double norm = 0;
    double cos = 0;
    for (int j = 0; j < D; j++) {
      norm += avg[j] * avg[j];
      cos += avg[j] * pc[j];
    }
    assertThat(cos / Math.sqrt(norm)).isGreaterThan(0.9);
    assertThatThrownBy(() -> BiasDirection.averageDifference(v, List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got none");
    assertThatThrownBy(() -> Debias.neutralize(new float[3], new float[4]))
        .hasMessageContaining("length 4, got 3");
  }

  private static double distance(float[] a, float[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      s += (a[j] - (double) b[j]) * (a[j] - b[j]);
    }
    return Math.sqrt(s);
  }
}
