package org.seqlearn.core.simd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Panama kernels against the scalar reference on sizes around the vector width (tails!). */
class PanamaKernelsTest {

  private static final int OFF_SRC = 3;
  private static final int OFF_DST = 5;
  private static Kernels panama;
  private static final Kernels SCALAR = KernelProvider.scalar();

  @BeforeAll
  static void requirePanama() {
    assumeTrue(KernelProvider.panama().isPresent(),
        "jdk.incubator.vector not readable: run with --add-modules jdk.incubator.vector");
    panama = KernelProvider.panama().get();
  }

  static float[] random(int n, long seed, float lo, float hi) {
    Random rnd = new Random(seed);
    float[] x = new float[n + OFF_SRC + 2];
    for (int i = 0; i < x.length; i++) {
      x[i] = lo + (hi - lo) * rnd.nextFloat();
    }
    return x;
  }

  /** Relative error bound with an absolute floor for results near zero or subnormal. */
  static void assertClose(float[] actual, float[] expected, float rel, float abs) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      float e = expected[i];
      float a = actual[i];
      if (Float.isNaN(e) || Float.isInfinite(e)) {
        assertThat(a).as("index %d", i).isEqualTo(e);
      } else {
        assertThat(Math.abs(a - e)).as("index %d: %s vs %s", i, a, e)
            .isLessThanOrEqualTo(Math.max(abs, rel * Math.abs(e)));
      }
    }
  }

  private interface Unary {
    void apply(Kernels k, float[] src, int so, float[] dst, int d, int n);
  }

  private static void checkUnary(Unary op, int n, float lo, float hi) {
    float[] src = random(n, n, lo, hi);
    float[] expected = new float[n + OFF_DST + 1];
    float[] actual = new float[n + OFF_DST + 1];
    Arrays.fill(expected, -7f);
    Arrays.fill(actual, -7f);
    op.apply(SCALAR, src, OFF_SRC, expected, OFF_DST, n);
    op.apply(panama, src, OFF_SRC, actual, OFF_DST, n);
    assertClose(actual, expected, 2e-6f, 1e-37f);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 7, 8, 9, 31, 33, 1000, 1023})
  void transcendentalsMatchScalar(int n) {
    checkUnary((k, s, so, d, dof, len) -> k.exp(s, so, d, dof, len), n, -100f, 100f);
    checkUnary((k, s, so, d, dof, len) -> k.exp(s, so, d, dof, len), n, -3f, 3f);
    checkUnary((k, s, so, d, dof, len) -> k.tanh(s, so, d, dof, len), n, -12f, 12f);
    checkUnary((k, s, so, d, dof, len) -> k.tanh(s, so, d, dof, len), n, -1f, 1f);
    checkUnary((k, s, so, d, dof, len) -> k.sigmoid(s, so, d, dof, len), n, -110f, 110f);
    checkUnary((k, s, so, d, dof, len) -> k.sigmoid(s, so, d, dof, len), n, -6f, 6f);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 7, 8, 9, 31, 33, 1000, 1023})
  void elementwiseMatchesScalar(int n) {
    float[] a = random(n, 1, -2f, 2f);
    float[] b = random(n, 2, -2f, 2f);
    float[] y1 = random(n + OFF_DST, 3, -2f, 2f);
    float[] y2 = y1.clone();
    SCALAR.axpy(0.75f, a, OFF_SRC, y1, OFF_DST, n);
    panama.axpy(0.75f, a, OFF_SRC, y2, OFF_DST, n);
    assertClose(y2, y1, 1e-6f, 1e-6f);

    SCALAR.scale(-1.5f, y1, OFF_DST, n);
    panama.scale(-1.5f, y2, OFF_DST, n);
    assertClose(y2, y1, 1e-6f, 1e-6f);

    SCALAR.add(a, OFF_SRC, b, 1, y1, OFF_DST, n);
    panama.add(a, OFF_SRC, b, 1, y2, OFF_DST, n);
    assertThat(y2).containsExactly(y1);

    SCALAR.mul(a, OFF_SRC, b, 1, y1, OFF_DST, n);
    panama.mul(a, OFF_SRC, b, 1, y2, OFF_DST, n);
    assertThat(y2).containsExactly(y1);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 8, 9, 31, 33, 1000, 1023})
  void reductionsMatchScalar(int n) {
    float[] a = random(n, 11, -1f, 1f);
    float[] b = random(n, 12, -1f, 1f);
    double exactSum = 0;
    double exactDot = 0;
    double absSum = 0;
    for (int i = 0; i < n; i++) {
      exactSum += a[OFF_SRC + i];
      exactDot += (double) a[OFF_SRC + i] * b[1 + i];
      absSum += Math.abs(a[OFF_SRC + i]);
    }
    float tol = (float) (1e-6 * absSum + 1e-6);
    assertThat((double) panama.sum(a, OFF_SRC, n)).isCloseTo(exactSum,
        offset((double) tol));
    assertThat((double) panama.dot(a, OFF_SRC, b, 1, n)).isCloseTo(exactDot,
        offset((double) tol));
    assertThat(panama.max(a, OFF_SRC, n)).isEqualTo(SCALAR.max(a, OFF_SRC, n));
    for (int at : new int[] {0, n / 2, n - 1}) {
      float[] withNan = a.clone();
      withNan[OFF_SRC + at] = Float.NaN;
      assertThat(panama.max(withNan, OFF_SRC, n)).as("NaN at %d", at).isNaN();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 8, 9, 31, 33, 1000, 1023})
  void softmaxMatchesScalar(int cols) {
    int rows = 3;
    float[] src = random(rows * cols, cols, -20f, 20f);
    float[] expected = new float[rows * cols + OFF_DST];
    float[] actual = new float[rows * cols + OFF_DST];
    SCALAR.softmaxRows(src, OFF_SRC, expected, OFF_DST, rows, cols);
    panama.softmaxRows(src, OFF_SRC, actual, OFF_DST, rows, cols);
    assertClose(actual, expected, 1e-5f, 1e-30f);
    // In place.
    float[] inPlace = src.clone();
    panama.softmaxRows(inPlace, OFF_SRC, inPlace, OFF_SRC, rows, cols);
    for (int i = 0; i < rows * cols; i++) {
      assertThat(inPlace[OFF_SRC + i]).isCloseTo(expected[OFF_DST + i],
          offset(1e-5f * expected[OFF_DST + i] + 1e-30f));
    }
  }
}
