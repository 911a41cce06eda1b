package org.seqlearn.core.simd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both gate-kernel families against a double-precision evaluation of the cell formulas, on
 * block widths around the vector length (tails), at offsets, in place and without the optional
 * outputs; plus NaN propagation.
 */
class GateKernelsTest {

  private static final float SENTINEL = -7.25f;
  private static final double REL = 1e-6;
  private static final double ABS = 1e-6;
  private static final int[] WIDTHS = {1, 7, 8, 16, 33, 64};

  static List<GateKernels> families() {
    List<GateKernels> out = new ArrayList<>();
    out.add(GateKernels.of(KernelProvider.scalar()));
    KernelProvider.panama().ifPresent(k -> out.add(GateKernels.of(k)));
    return out;
  }

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (GateKernels g : families()) {
      for (int w : WIDTHS) {
        out.add(Arguments.of(g, w, 0));
        out.add(Arguments.of(g, w, 5));
      }
    }
    return out.stream();
  }

  /** {@code off} sentinels, {@code n} values in {@code [lo, hi)}, then 3 sentinels. */
  private static float[] random(Random rnd, int off, int n, double lo, double hi) {
    float[] a = new float[off + n + 3];
    Arrays.fill(a, SENTINEL);
    for (int i = 0; i < n; i++) {
      a[off + i] = (float) (lo + (hi - lo) * rnd.nextDouble());
    }
    return a;
  }

  private static float[] sentinels(int off, int n) {
    float[] a = new float[off + n + 3];
    Arrays.fill(a, SENTINEL);
    return a;
  }

  private static double sigmoid(double x) {
    return 1.0 / (1.0 + Math.exp(-x));
  }

  private static void assertClose(String what, float[] actual, int off, double[] expected) {
    for (int j = 0; j < expected.length; j++) {
      double e = expected[j];
      float a = actual[off + j];
      assertThat(Math.abs(a - e)).as("%s[%d]: %s vs %s", what, j, a, e)
          .isLessThanOrEqualTo(Math.max(ABS, REL * Math.abs(e)));
    }
  }

  /** The elements outside {@code [off, off + n)} are still sentinels. */
  private static void assertUntouched(String what, float[] a, int off, int n) {
    for (int i = 0; i < a.length; i++) {
      if (i < off || i >= off + n) {
        assertThat(a[i]).as("%s[%d] outside the range", what, i).isEqualTo(SENTINEL);
      }
    }
  }

  /** Expected LSTM forward: {@code [act (4w) | c (w) | tanhC (w) | h (w)]}. */
  private static double[][] lstmForwardReference(int w, float[] pre, int po, float[] c, int co) {
    double[] act = new double[4 * w];
    double[] cn = new double[w];
    double[] tc = new double[w];
    double[] h = new double[w];
    for (int j = 0; j < w; j++) {
      double i = sigmoid(pre[po + j]);
      double f = sigmoid(pre[po + w + j]);
      double g = Math.tanh(pre[po + 2 * w + j]);
      double o = sigmoid(pre[po + 3 * w + j]);
      act[j] = i;
      act[w + j] = f;
      act[2 * w + j] = g;
      act[3 * w + j] = o;
      cn[j] = f * c[co + j] + i * g;
      tc[j] = Math.tanh(cn[j]);
      h[j] = o * tc[j];
    }
    return new double[][] {act, cn, tc, h};
  }

  @ParameterizedTest
  @MethodSource("cases")
  void lstmForwardMatchesReference(GateKernels k, int w, int off) {
    Random rnd = new Random(31L * w + off);
    int po = off + 1;
    float[] pre = random(rnd, po, 4 * w, -4, 4);
    float[] c = random(rnd, off, w, -2, 2);
    double[][] e = lstmForwardReference(w, pre, po, c, off);
    float[] cOld = c.clone();
    float[] act = sentinels(off + 2, 4 * w);
    float[] cPrev = sentinels(off + 3, w);
    float[] tanhC = sentinels(off, w);
    float[] h = sentinels(off + 4, w);
    float[] preCopy = pre.clone();
    k.lstmForward(w, pre, po, act, off + 2, c, off, cPrev, off + 3, tanhC, off, h, off + 4);
    assertClose("act", act, off + 2, e[0]);
    assertClose("c", c, off, e[1]);
    assertClose("tanhC", tanhC, off, e[2]);
    assertClose("h", h, off + 4, e[3]);
    assertThat(Arrays.copyOfRange(cPrev, off + 3, off + 3 + w))
        .containsExactly(Arrays.copyOfRange(cOld, off, off + w));
    assertThat(pre).containsExactly(preCopy);
    assertUntouched("act", act, off + 2, 4 * w);
    assertUntouched("c", c, off, w);
    assertUntouched("cPrev", cPrev, off + 3, w);
    assertUntouched("tanhC", tanhC, off, w);
    assertUntouched("h", h, off + 4, w);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void lstmForwardInPlaceWithoutSaving(GateKernels k, int w, int off) {
    Random rnd = new Random(37L * w + off);
    float[] pre = random(rnd, off, 4 * w, -4, 4);
    float[] c = random(rnd, off + 2, w, -2, 2);
    double[][] e = lstmForwardReference(w, pre, off, c, off + 2);
    float[] h = sentinels(off, w);
    k.lstmForward(w, pre, off, pre, off, c, off + 2, null, 0, null, 0, h, off);
    assertClose("act", pre, off, e[0]);
    assertClose("c", c, off + 2, e[1]);
    assertClose("h", h, off, e[3]);
    assertUntouched("pre", pre, off, 4 * w);
    assertUntouched("h", h, off, w);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void lstmBackwardMatchesReference(GateKernels k, int w, int off) {
    Random rnd = new Random(41L * w + off);
    float[] gates = random(rnd, off, 4 * w, 0.02, 0.98);
    for (int j = 2 * w; j < 3 * w; j++) {
      gates[off + j] = 2 * gates[off + j] - 1; // g = tanh in (-1, 1)
    }
    float[] tanhC = random(rnd, off + 1, w, -0.99, 0.99);
    float[] cPrev = random(rnd, off + 2, w, -2, 2);
    float[] dh = random(rnd, off + 3, w, -1, 1);
    float[] dy = random(rnd, off, w, -1, 1);
    float[] dc = random(rnd, off + 4, w, -1, 1);
    double[] eg = new double[4 * w];
    double[] edc = new double[w];
    for (int j = 0; j < w; j++) {
      double i = gates[off + j];
      double f = gates[off + w + j];
      double g = gates[off + 2 * w + j];
      double o = gates[off + 3 * w + j];
      double tc = tanhC[off + 1 + j];
      double dhj = (double) dh[off + 3 + j] + dy[off + j];
      double dcj = dc[off + 4 + j] + dhj * o * (1 - tc * tc);
      eg[j] = dcj * g * i * (1 - i);
      eg[w + j] = dcj * cPrev[off + 2 + j] * f * (1 - f);
      eg[2 * w + j] = dcj * i * (1 - g * g);
      eg[3 * w + j] = dhj * tc * o * (1 - o);
      edc[j] = dcj * f;
    }
    float[] dhCopy = dh.clone();
    float[] dGates = sentinels(off + 1, 4 * w);
    k.lstmBackward(w, gates, off, tanhC, off + 1, cPrev, off + 2, dh, off + 3, dy, off, dc,
        off + 4, dGates, off + 1);
    assertClose("dGates", dGates, off + 1, eg);
    assertClose("dc", dc, off + 4, edc);
    assertThat(dh).containsExactly(dhCopy);
    assertUntouched("dGates", dGates, off + 1, 4 * w);
    assertUntouched("dc", dc, off + 4, w);
  }

  /** Expected GRU forward: {@code [act (3w) | h (w)]}. */
  private static double[][] gruForwardReference(int w, float[] pre, int po, float[] hn, int ho,
      float[] xn, int xo, float[] h, int hOff) {
    double[] act = new double[3 * w];
    double[] hNew = new double[w];
    for (int j = 0; j < w; j++) {
      double r = sigmoid(pre[po + j]);
      double z = sigmoid(pre[po + w + j]);
      double n = Math.tanh(xn[xo + j] + r * hn[ho + j]);
      act[j] = r;
      act[w + j] = z;
      act[2 * w + j] = n;
      hNew[j] = (1 - z) * n + z * h[hOff + j];
    }
    return new double[][] {act, hNew};
  }

  @ParameterizedTest
  @MethodSource("cases")
  void gruForwardMatchesReference(GateKernels k, int w, int off) {
    Random rnd = new Random(43L * w + off);
    float[] pre = random(rnd, off, 2 * w, -4, 4);
    float[] hn = random(rnd, off + 1, w, -2, 2);
    float[] xn = random(rnd, off + 2, w, -2, 2);
    float[] h = random(rnd, off + 3, w, -1, 1);
    double[][] e = gruForwardReference(w, pre, off, hn, off + 1, xn, off + 2, h, off + 3);
    float[] preCopy = pre.clone();
    float[] xnCopy = xn.clone();
    float[] act = sentinels(off + 4, 3 * w);
    float[] hnSave = sentinels(off, w);
    k.gruForward(w, pre, off, hn, off + 1, xn, off + 2, h, off + 3, act, off + 4, hnSave, off);
    assertClose("act", act, off + 4, e[0]);
    assertClose("h", h, off + 3, e[1]);
    assertThat(Arrays.copyOfRange(hnSave, off, off + w))
        .containsExactly(Arrays.copyOfRange(hn, off + 1, off + 1 + w));
    assertThat(pre).containsExactly(preCopy);
    assertThat(xn).containsExactly(xnCopy);
    assertUntouched("act", act, off + 4, 3 * w);
    assertUntouched("hnSave", hnSave, off, w);
    assertUntouched("h", h, off + 3, w);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void gruForwardWithoutSaving(GateKernels k, int w, int off) {
    Random rnd = new Random(47L * w + off);
    // The layout of a step product: [r | z] then, further on, the candidate's hidden part.
    float[] cH = random(rnd, off, 4 * w, -4, 4);
    float[] xn = random(rnd, off + 3 * w, w, -2, 2);
    float[] h = random(rnd, off, w, -1, 1);
    double[][] e = gruForwardReference(w, cH, off, cH, off + 3 * w, xn, off + 3 * w, h, off);
    k.gruForward(w, cH, off, cH, off + 3 * w, xn, off + 3 * w, h, off, null, 0, null, 0);
    assertClose("h", h, off, e[1]);
    assertUntouched("h", h, off, w);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void gruBackwardMatchesReference(GateKernels k, int w, int off) {
    Random rnd = new Random(53L * w + off);
    float[] gates = random(rnd, off, 3 * w, 0.02, 0.98);
    for (int j = 2 * w; j < 3 * w; j++) {
      gates[off + j] = 2 * gates[off + j] - 1;
    }
    float[] hn = random(rnd, off + 1, w, -2, 2);
    float[] hPrev = random(rnd, off + 2, w, -1, 1);
    float[] dh = random(rnd, off + 3, w, -1, 1);
    float[] dy = random(rnd, off, w, -1, 1);
    double[] ex = new double[3 * w];
    double[] eh = new double[3 * w];
    double[] edh = new double[w];
    for (int j = 0; j < w; j++) {
      double r = gates[off + j];
      double z = gates[off + w + j];
      double n = gates[off + 2 * w + j];
      double dhj = (double) dh[off + 3 + j] + dy[off + j];
      double dn = dhj * (1 - z) * (1 - n * n);
      double dr = dn * hn[off + 1 + j] * r * (1 - r);
      double dz = dhj * (hPrev[off + 2 + j] - n) * z * (1 - z);
      ex[j] = dr;
      ex[w + j] = dz;
      ex[2 * w + j] = dn;
      eh[j] = dr;
      eh[w + j] = dz;
      eh[2 * w + j] = dn * r;
      edh[j] = dhj * z;
    }
    float[] dGatesX = sentinels(off + 1, 3 * w);
    float[] dGatesH = sentinels(off + 2, 3 * w);
    k.gruBackward(w, gates, off, hn, off + 1, hPrev, off + 2, dh, off + 3, dy, off, dGatesX,
        off + 1, dGatesH, off + 2);
    assertClose("dGatesX", dGatesX, off + 1, ex);
    assertClose("dGatesH", dGatesH, off + 2, eh);
    assertClose("dh", dh, off + 3, edh);
    assertUntouched("dGatesX", dGatesX, off + 1, 3 * w);
    assertUntouched("dGatesH", dGatesH, off + 2, 3 * w);
    assertUntouched("dh", dh, off + 3, w);
  }

  @Test
  void nanPropagatesThroughEveryKernel() {
    for (GateKernels k : families()) {
      for (int w : WIDTHS) {
        int bad = w / 2;
        Random rnd = new Random(w);
        // LSTM forward: a NaN forget pre-activation poisons that unit's c and h only.
        float[] pre = random(rnd, 0, 4 * w, -4, 4);
        pre[w + bad] = Float.NaN;
        float[] c = random(rnd, 0, w, -2, 2);
        float[] h = new float[w];
        k.lstmForward(w, pre, 0, pre, 0, c, 0, null, 0, null, 0, h, 0);
        assertOnlyNaN(k + " lstm h", h, bad, w);
        assertOnlyNaN(k + " lstm c", c, bad, w);
        // LSTM backward: a NaN output gradient.
        float[] gates = random(rnd, 0, 4 * w, 0.1, 0.9);
        float[] dy = random(rnd, 0, w, -1, 1);
        dy[bad] = Float.NaN;
        float[] dc = random(rnd, 0, w, -1, 1);
        float[] dGates = new float[4 * w];
        k.lstmBackward(w, gates, 0, random(rnd, 0, w, -0.9, 0.9), 0, random(rnd, 0, w, -1, 1),
            0, random(rnd, 0, w, -1, 1), 0, dy, 0, dc, 0, dGates, 0);
        assertOnlyNaN(k + " lstm dc", dc, bad, w);
        for (int g = 0; g < 4; g++) {
          assertOnlyNaN(k + " lstm dGates " + g, Arrays.copyOfRange(dGates, g * w, g * w + w),
              bad, w);
        }
        // GRU forward: a NaN candidate input; backward: a NaN hidden-state gradient.
        float[] rz = random(rnd, 0, 2 * w, -4, 4);
        float[] xn = random(rnd, 0, w, -2, 2);
        xn[bad] = Float.NaN;
        float[] hg = random(rnd, 0, w, -1, 1);
        k.gruForward(w, rz, 0, random(rnd, 0, w, -2, 2), 0, xn, 0, hg, 0, null, 0, null, 0);
        assertOnlyNaN(k + " gru h", hg, bad, w);
        float[] dh = random(rnd, 0, w, -1, 1);
        dh[bad] = Float.NaN;
        float[] dx = new float[3 * w];
        float[] dhh = new float[3 * w];
        k.gruBackward(w, random(rnd, 0, 3 * w, 0.1, 0.9), 0, random(rnd, 0, w, -1, 1), 0,
            random(rnd, 0, w, -1, 1), 0, dh, 0, random(rnd, 0, w, -1, 1), 0, dx, 0, dhh, 0);
        assertOnlyNaN(k + " gru dh", dh, bad, w);
        for (int g = 0; g < 3; g++) {
          assertOnlyNaN(k + " gru dGatesX " + g, Arrays.copyOfRange(dx, g * w, g * w + w), bad,
              w);
          assertOnlyNaN(k + " gru dGatesH " + g, Arrays.copyOfRange(dhh, g * w, g * w + w), bad,
              w);
        }
      }
    }
  }

  private static void assertOnlyNaN(String what, float[] a, int bad, int w) {
    for (int j = 0; j < w; j++) {
      assertThat(Float.isNaN(a[j])).as("%s[%d] = %s", what, j, a[j]).isEqualTo(j == bad);
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void panamaBackwardIsBitIdenticalToScalar(GateKernels k, int w, int off) {
    GateKernels scalar = GateKernels.of(KernelProvider.scalar());
    Random rnd = new Random(59L * w + off);
    float[] gates = random(rnd, off, 4 * w, 0.02, 0.98);
    float[] a = random(rnd, 0, w, -1, 1);
    float[] b = random(rnd, 0, w, -2, 2);
    float[] dh = random(rnd, 0, w, -1, 1);
    float[] dy = random(rnd, off, w, -1, 1);
    float[] dc1 = random(rnd, 0, w, -1, 1);
    float[] dc2 = dc1.clone();
    float[] g1 = new float[4 * w];
    float[] g2 = new float[4 * w];
    k.lstmBackward(w, gates, off, a, 0, b, 0, dh, 0, dy, off, dc1, 0, g1, 0);
    scalar.lstmBackward(w, gates, off, a, 0, b, 0, dh, 0, dy, off, dc2, 0, g2, 0);
    assertThat(g1).containsExactly(g2);
    assertThat(dc1).containsExactly(dc2);
    float[] dh1 = dh.clone();
    float[] dh2 = dh.clone();
    float[] x1 = new float[3 * w];
    float[] x2 = new float[3 * w];
    float[] y1 = new float[3 * w];
    float[] y2 = new float[3 * w];
    k.gruBackward(w, gates, off, a, 0, b, 0, dh1, 0, dy, off, x1, 0, y1, 0);
    scalar.gruBackward(w, gates, off, a, 0, b, 0, dh2, 0, dy, off, x2, 0, y2, 0);
    assertThat(x1).containsExactly(x2);
    assertThat(y1).containsExactly(y2);
    assertThat(dh1).containsExactly(dh2);
  }

  @Test
  void familyFollowsTheKernels() {
    assertThat(GateKernels.of(KernelProvider.scalar()).name()).isEqualTo("scalar");
    assertThat(GateKernels.get().name()).isEqualTo(KernelProvider.get().name());
    KernelProvider.panama().ifPresent(p -> assertThat(GateKernels.of(p).name())
        .isEqualTo("panama"));
  }
}
