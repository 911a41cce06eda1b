package org.seqlearn.core.simd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Both GEMM implementations against a double-precision triple loop. */
class GemmTest {

  static Kernels kernels(String name) {
    if (name.equals("scalar")) {
      return KernelProvider.scalar();
    }
    assumeTrue(KernelProvider.panama().isPresent(),
        "jdk.incubator.vector not readable: run with --add-modules jdk.incubator.vector");
    return KernelProvider.panama().get();
  }

  /** A GEMM problem with padded leading dimensions and non-zero offsets. */
  static final class Problem {
    final boolean transA;
    final boolean transB;
    final int m;
    final int n;
    final int k;
    final int lda;
    final int ldb;
    final int ldc;
    final int aOff = 3;
    final int bOff = 5;
    final int cOff = 7;
    final float[] a;
    final float[] b;
    final float[] c;

    Problem(boolean transA, boolean transB, int m, int n, int k, int pad, long seed) {
      this.transA = transA;
      this.transB = transB;
      this.m = m;
      this.n = n;
      this.k = k;
      lda = (transA ? m : k) + pad;
      ldb = (transB ? k : n) + pad;
      ldc = n + pad;
      Random rnd = new Random(seed);
      a = fill(rnd, aOff + (transA ? k : m) * lda);
      b = fill(rnd, bOff + (transB ? n : k) * ldb);
      c = fill(rnd, cOff + m * ldc);
    }

    private static float[] fill(Random rnd, int size) {
      float[] x = new float[size];
      for (int i = 0; i < size; i++) {
        x[i] = rnd.nextFloat() * 2f - 1f;
      }
      return x;
    }

    double opA(int i, int p) {
      return transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
    }

    double opB(int p, int j) {
      return transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
    }

    /** The reference result in double (C untouched outside the [m, n] block). */
    private double[] product;

    double[] reference(float alpha, float beta, float[] c0) {
      if (product == null) {
        product = new double[m * n];
        for (int i = 0; i < m; i++) {
          for (int j = 0; j < n; j++) {
            double s = 0;
            for (int p = 0; p < k; p++) {
              s += opA(i, p) * opB(p, j);
            }
            product[i * n + j] = s;
          }
        }
      }
      double[] out = new double[c0.length];
      for (int i = 0; i < c0.length; i++) {
        out[i] = c0[i];
      }
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          int at = cOff + i * ldc + j;
          out[at] = alpha * product[i * n + j] + (beta == 0f ? 0 : beta * c0[at]);
        }
      }
      return out;
    }

    float[] run(Kernels kernels, float alpha, float beta, float[] c0, int threads) {
      float[] out = c0.clone();
      kernels.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, out, cOff,
          ldc, threads);
      return out;
    }
  }

  static void assertMatches(float[] actual, double[] expected, int k) {
    double tol = 1e-5 * Math.sqrt(Math.max(1, k)) * 4;
    for (int i = 0; i < expected.length; i++) {
      assertThat((double) actual[i]).as("element %d", i)
          .isCloseTo(expected[i], offset(tol * (1 + Math.abs(expected[i]))));
    }
  }

  static Stream<Arguments> shapes() {
    int[][] sizes = {{1, 1, 1}, {7, 9, 13}, {6, 16, 5}, {12, 32, 300}, {33, 65, 17},
        {130, 257, 71}, {5, 3, 520}};
    List<Arguments> out = new ArrayList<>();
    for (String impl : new String[] {"scalar", "panama"}) {
      for (int[] s : sizes) {
        for (int t = 0; t < 4; t++) {
          out.add(Arguments.of(impl, (t & 1) != 0, (t & 2) != 0, s[0], s[1], s[2]));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} transA={1} transB={2} {3}x{4}x{5}")
  @MethodSource("shapes")
  void matchesTripleLoop(String impl, boolean transA, boolean transB, int m, int n, int k) {
    Kernels kernels = kernels(impl);
    Problem p = new Problem(transA, transB, m, n, k, 3, 31L * m + 7L * n + k);
    float[][] ab = {{1f, 0f}, {0.5f, 1f}, {-2f, 0.25f}};
    for (float[] alphaBeta : ab) {
      float[] out = p.run(kernels, alphaBeta[0], alphaBeta[1], p.c, 1);
      assertMatches(out, p.reference(alphaBeta[0], alphaBeta[1], p.c), k);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"scalar", "panama"})
  void betaZeroIgnoresNanInC(String impl) {
    Kernels kernels = kernels(impl);
    for (int t = 0; t < 4; t++) {
      Problem p = new Problem((t & 1) != 0, (t & 2) != 0, 13, 19, 11, 2, t);
      float[] garbage = p.c.clone();
      Arrays.fill(garbage, Float.NaN);
      float[] out = p.run(kernels, 1.5f, 0f, garbage, 1);
      double[] expected = p.reference(1.5f, 0f, garbage);
      for (int i = 0; i < p.m; i++) {
        for (int j = 0; j < p.n; j++) {
          int at = p.cOff + i * p.ldc + j;
          assertThat((double) out[at]).isCloseTo(expected[at],
              offset(1e-4));
        }
      }
      // Outside the block, C is untouched.
      assertThat(out[0]).isNaN();
      assertThat(out[p.cOff + p.n]).isNaN();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"scalar", "panama"})
  void zeroDepthOrZeroAlphaScalesC(String impl) {
    Kernels kernels = kernels(impl);
    Problem p = new Problem(false, false, 4, 5, 0, 1, 9);
    double[] expected = p.reference(2f, 0.5f, p.c);
    assertMatches(p.run(kernels, 2f, 0.5f, p.c, 1), expected, 1);
    Problem q = new Problem(false, true, 4, 5, 6, 1, 9);
    float[] nan = q.c.clone();
    Arrays.fill(nan, q.cOff, nan.length, Float.NaN);
    float[] out = q.run(kernels, 0f, 0f, nan, 1);
    for (int i = 0; i < q.m; i++) {
      for (int j = 0; j < q.n; j++) {
        assertThat(out[q.cOff + i * q.ldc + j]).isEqualTo(0f);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"scalar", "panama"})
  void multiThreadedEqualsSingleThreaded(String impl) {
    Kernels kernels = kernels(impl);
    // Each above the 2^18 multiply-add threshold, so threads really split the work.
    int[][] sizes = {{150, 90, 40}, {13, 500, 41}, {301, 17, 60}};
    for (int[] s : sizes) {
      for (int t = 0; t < 4; t++) {
        Problem p = new Problem((t & 1) != 0, (t & 2) != 0, s[0], s[1], s[2], 1, t);
        float[] one = p.run(kernels, 0.5f, 0.75f, p.c, 1);
        assertThat(p.run(kernels, 0.5f, 0.75f, p.c, 2)).containsExactly(one);
        assertThat(p.run(kernels, 0.5f, 0.75f, p.c, 3)).containsExactly(one);
        if (t == 3) {
          assertMatches(one, p.reference(0.5f, 0.75f, p.c), s[2]);
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"scalar", "panama"})
  void nestedInsideComputePoolTasks(String impl) {
    Kernels kernels = kernels(impl);
    Problem p = new Problem(false, true, 90, 70, 50, 0, 5);
    float[] expected = p.run(kernels, 1f, 0f, p.c, 1);
    float[][] results = new float[4][];
    org.seqlearn.core.parallel.ComputePool.parallelFor(4, 2,
        t -> results[t] = p.run(kernels, 1f, 0f, p.c, 2));
    for (float[] r : results) {
      assertThat(r).containsExactly(expected);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"scalar", "panama"})
  void badArgumentsNameExpectedAndActual(String impl) {
    Kernels kernels = kernels(impl);
    float[] a = new float[6];
    float[] b = new float[6];
    float[] c = new float[4];
    assertThatThrownBy(() -> kernels.gemm(false, false, 2, 2, 3, 1f, a, 0, 2, b, 0, 2, 0f, c, 0, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("leading dimension of A must be >= 3")
        .hasMessageContaining("got 2");
    assertThatThrownBy(() -> kernels.gemm(false, false, 2, 2, 3, 1f, a, 1, 3, b, 0, 2, 0f, c, 0, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs 7 elements, the array has 6");
    assertThatThrownBy(
        () -> kernels.gemm(false, false, -1, 2, 3, 1f, a, 0, 3, b, 0, 2, 0f, c, 0, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("m=-1");
    assertThatThrownBy(() -> kernels.gemm(false, false, 2, 2, 3, 1f, a, 0, 3, b, 0, 2, 0f, c, 0, 2,
        0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threads must be >= 1, got 0");
  }
}
