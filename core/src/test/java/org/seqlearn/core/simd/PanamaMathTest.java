package org.seqlearn.core.simd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Special values and accuracy of the vectorised exp, tanh and sigmoid. */
class PanamaMathTest {

  private static Kernels panama;

  @BeforeAll
  static void requirePanama() {
    assumeTrue(KernelProvider.panama().isPresent(),
        "jdk.incubator.vector not readable: run with --add-modules jdk.incubator.vector");
    panama = KernelProvider.panama().get();
  }

  private interface Op {
    void apply(float[] src, int so, float[] dst, int d, int n);
  }

  /** Applies op to each value, once in the vector body and once in the tail. */
  private static float[] run(Op op, float... values) {
    int n = values.length;
    float[] src = new float[3 * 16 + n];
    System.arraycopy(values, 0, src, 0, n);
    float[] dst = new float[src.length];
    op.apply(src, 0, dst, 0, src.length);
    float[] tail = new float[n];
    op.apply(values, 0, tail, 0, n);
    float[] body = java.util.Arrays.copyOf(dst, n);
    assertThat(tail).as("tail vs vector body").containsExactly(body);
    return body;
  }

  /**
   * The array loops of tanh and sigmoid spell their computation out instead of calling the
   * lane-wise methods (which the tail still uses): both must give the same bits everywhere.
   */
  @Test
  void arrayLoopsEqualTheLaneWiseMethods() {
    // tanh's loop scales e^(2|x|) by 2^n in one step, which overflows where n = 128.
    float[] tanhEdge = run(panama::tanh, 44.19f, 44.2f, 44.3f, 44.36f, 44.4f, 44.5f, -44.3f,
        0.625f, -0.625f, 0.62499994f);
    assertThat(tanhEdge[2]).isEqualTo(1f);
    assertThat(tanhEdge[6]).isEqualTo(-1f);
    java.util.Random rnd = new java.util.Random(4);
    for (int i = 0; i < 300; i++) {
      float v = (float) ((rnd.nextDouble() * 2 - 1) * Math.pow(10, rnd.nextInt(5) - 2));
      run(panama::tanh, v, -v, v * 0.5f);
      run(panama::sigmoid, v, -v, v * 0.5f);
    }
  }

  @Test
  void expSpecialValues() {
    float[] r = run(panama::exp, 0f, -0f, 1f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
        Float.NaN, 88.72f, 89f, 100f, 1000f, -87.3f, -100f, -104f, -200f, Float.MAX_VALUE,
        -Float.MAX_VALUE);
    assertThat(r[0]).isEqualTo(1f);
    assertThat(r[1]).isEqualTo(1f);
    assertThat(r[2]).isCloseTo((float) Math.E, withinPercentage(1e-5));
    assertThat(r[3]).isEqualTo(Float.POSITIVE_INFINITY);
    assertThat(r[4]).isEqualTo(0f);
    assertThat(r[5]).isNaN();
    assertThat(r[6]).isCloseTo((float) Math.exp(88.72f),
        withinPercentage(1e-4));
    assertThat(r[7]).isEqualTo(Float.POSITIVE_INFINITY);
    assertThat(r[8]).isEqualTo(Float.POSITIVE_INFINITY);
    assertThat(r[9]).isEqualTo(Float.POSITIVE_INFINITY);
    assertThat(r[10]).isCloseTo((float) Math.exp(-87.3f),
        withinPercentage(1e-4));
    assertThat(r[11]).isCloseTo((float) Math.exp(-100f), offset(3e-45f));
    assertThat(r[12]).isCloseTo((float) Math.exp(-104f), offset(3e-45f));
    assertThat(r[13]).isEqualTo(0f);
    assertThat(r[14]).isEqualTo(Float.POSITIVE_INFINITY);
    assertThat(r[15]).isEqualTo(0f);
  }

  @Test
  void tanhSaturatesAndKeepsSign() {
    float[] r = run(panama::tanh, 0f, -0f, 20f, -20f, Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY, Float.NaN, 1e-8f, -1e-8f, 0.625f, -0.625f, 100f, -1000f);
    assertThat(r[0]).isEqualTo(0f);
    assertThat(Float.floatToRawIntBits(r[1])).isEqualTo(Float.floatToRawIntBits(-0f));
    assertThat(r[2]).isEqualTo(1f);
    assertThat(r[3]).isEqualTo(-1f);
    assertThat(r[4]).isEqualTo(1f);
    assertThat(r[5]).isEqualTo(-1f);
    assertThat(r[6]).isNaN();
    assertThat(r[7]).isEqualTo(1e-8f);
    assertThat(r[8]).isEqualTo(-1e-8f);
    assertThat(r[9]).isCloseTo((float) Math.tanh(0.625),
        withinPercentage(1e-4));
    assertThat(r[10]).isCloseTo((float) Math.tanh(-0.625),
        withinPercentage(1e-4));
    assertThat(r[11]).isEqualTo(1f);
    assertThat(r[12]).isEqualTo(-1f);
  }

  @Test
  void sigmoidSaturatesWithoutNan() {
    float[] r = run(panama::sigmoid, 0f, 100f, -100f, Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY, Float.NaN, -1000f, 1000f, -88f);
    assertThat(r[0]).isEqualTo(0.5f);
    assertThat(r[1]).isEqualTo(1f);
    assertThat(r[2]).isBetween(0f, 1e-43f);
    assertThat(r[3]).isEqualTo(1f);
    assertThat(r[4]).isEqualTo(0f);
    assertThat(r[5]).isNaN();
    assertThat(r[6]).isEqualTo(0f);
    assertThat(r[7]).isEqualTo(1f);
    assertThat(r[8]).isCloseTo((float) (1 / (1 + Math.exp(88))),
        withinPercentage(1e-4));
  }

  @Test
  void maxUlpErrorOverDenseGrid() {
    int n = 200_001;
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = -87f + 175f * i / (n - 1);
    }
    float[] y = new float[n];
    panama.exp(x, 0, y, 0, n);
    assertThat(maxRelativeError(x, y, v -> Math.exp(v))).isLessThan(4e-7);
    panama.tanh(x, 0, y, 0, n);
    assertThat(maxRelativeError(x, y, Math::tanh)).isLessThan(4e-7);
    panama.sigmoid(x, 0, y, 0, n);
    assertThat(maxRelativeError(x, y, v -> 1 / (1 + Math.exp(-v)))).isLessThan(4e-7);
  }

  private static double maxRelativeError(float[] x, float[] y,
      java.util.function.DoubleUnaryOperator f) {
    double worst = 0;
    for (int i = 0; i < x.length; i++) {
      double e = f.applyAsDouble(x[i]);
      if (Math.abs(e) < 1e-30) {
        continue;
      }
      worst = Math.max(worst, Math.abs(y[i] - e) / Math.abs(e));
    }
    return worst;
  }
}
