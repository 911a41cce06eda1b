package org.seqlearn.core.simd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.seqlearn.core.parallel.ComputePool;

/**
 * The packed GEMM entry point against {@link Kernels#gemm} (same micro-kernel and reduction
 * slices, so the same bits) and the double-precision triple loop, on awkward sizes: partial
 * row and column panels, depths past one reduction slice, products over part of the depth, and
 * panel ranges split between threads.
 */
class PackedGemmTest {

  static Stream<Arguments> shapes() {
    int[][] sizes = {{1, 1, 1}, {7, 9, 13}, {6, 16, 5}, {32, 48, 130}, {33, 65, 17},
        {64, 100, 520}, {5, 3, 1100}, {2, 17, 3}, {4, 31, 64}};
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

  private static float[] random(Random rnd, int size) {
    float[] x = new float[size];
    for (int i = 0; i < size; i++) {
      x[i] = rnd.nextFloat() * 2f - 1f;
    }
    return x;
  }

  @ParameterizedTest(name = "{0} transA={1} transB={2} {3}x{4}x{5}")
  @MethodSource("shapes")
  void equalsGemmBitForBitAndMatchesTripleLoop(String impl, boolean transA, boolean transB,
      int m, int n, int k) {
    Kernels kernels = GemmTest.kernels(impl);
    PackedGemm pg = PackedGemm.of(kernels);
    GemmTest.Problem pr = new GemmTest.Problem(transA, transB, m, n, k, 3, m * 31L + n + k);
    float[] pa = new float[pg.packedASize(m, k) + 2];
    float[] pb = new float[pg.packedBSize(k, n) + 5];
    pg.packA(transA, pr.a, pr.aOff, pr.lda, m, k, pa, 2);
    pg.packB(transB, pr.b, pr.bOff, pr.ldb, k, n, pb, 5);
    // C with room for whole column panels; rows past m must stay untouched.
    int ldc = pg.panels(n) * pg.nr() + 3;
    float[] c0 = random(new Random(7), 4 + (m + 2) * ldc);
    for (float beta : new float[] {0f, 0.5f}) {
      float[] c = c0.clone();
      pg.multiplyPadded(m, pg.panels(n), k, pa, 2, pb, 5, beta, c, 4, ldc);
      float[] viaGemm = c0.clone();
      kernels.gemm(transA, transB, m, n, k, 1f, pr.a, pr.aOff, pr.lda, pr.b, pr.bOff, pr.ldb,
          beta, viaGemm, 4, ldc, 1);
      for (int i = 0; i < m; i++) {
        int row = 4 + i * ldc;
        assertThat(Arrays.copyOfRange(c, row, row + n)).as("row %d beta %s", i, beta)
            .containsExactly(Arrays.copyOfRange(viaGemm, row, row + n));
        for (int j = 0; j < n; j++) {
          double expected = 0;
          for (int p = 0; p < k; p++) {
            expected += pr.opA(i, p) * pr.opB(p, j);
          }
          expected += beta == 0f ? 0 : beta * c0[row + j];
          assertThat((double) c[row + j]).isCloseTo(expected,
              org.assertj.core.api.Assertions.offset(1e-4 * Math.sqrt(k) * (1 + Math.abs(
                  expected))));
        }
      }
      assertThat(Arrays.copyOfRange(c, 0, 4)).containsExactly(Arrays.copyOfRange(c0, 0, 4));
      assertThat(Arrays.copyOfRange(c, 4 + m * ldc, c.length))
          .containsExactly(Arrays.copyOfRange(c0, 4 + m * ldc, c.length));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"scalar", "panama"})
  void panelRangesOnTwoThreadsEqualOneCall(String impl) {
    PackedGemm pg = PackedGemm.of(GemmTest.kernels(impl));
    Random rnd = new Random(3);
    int m = 37;
    int k = 700;
    int n = 250;
    float[] a = random(rnd, m * k);
    float[] b = random(rnd, k * n);
    float[] pa = new float[pg.packedASize(m, k)];
    float[] pb = new float[pg.packedBSize(k, n)];
    pg.packA(false, a, 0, k, m, k, pa, 0);
    pg.packB(false, b, 0, n, k, n, pb, 0);
    int panels = pg.panels(n);
    int ldc = panels * pg.nr();
    float[] whole = new float[m * ldc];
    pg.multiplyPadded(m, panels, k, pa, 0, pb, 0, 0f, whole, 0, ldc);
    for (int threads : new int[] {1, 2}) {
      float[] split = new float[m * ldc];
      int parts = 5;
      ComputePool.parallelFor(parts, threads, part -> {
        int from = panels * part / parts;
        int to = panels * (part + 1) / parts;
        pg.multiplyPadded(m, to - from, k, pa, 0, pb, from * k * pg.nr(), 0f, split,
            from * pg.nr(), ldc);
      });
      assertThat(split).as("threads %d", threads).containsExactly(whole);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"scalar", "panama"})
  void depthSlicesAddUpToTheWholeProduct(String impl) {
    // [h | x] against [W_h; W_x]: the whole depth, and its two parts accumulated.
    PackedGemm pg = PackedGemm.of(GemmTest.kernels(impl));
    Random rnd = new Random(5);
    int m = 11;
    int n = 40;
    int k1 = 23;
    int k2 = 19;
    int k = k1 + k2;
    float[] a = random(rnd, m * k);
    float[] b = random(rnd, k * n);
    float[] pa = new float[pg.packedASize(m, k)];
    float[] pb = new float[pg.packedBSize(k, n)];
    pg.packA(false, a, 0, k, m, k, pa, 0);
    pg.packB(false, b, 0, n, k, n, pb, 0);
    int panels = pg.panels(n);
    int ldc = panels * pg.nr();
    float[] first = new float[m * ldc];
    float[] second = new float[m * ldc];
    pg.multiplyPadded(m, panels, k1, pa, 0, k, pb, 0, k, 0f, first, 0, ldc);
    pg.multiplyPadded(m, panels, k2, pa, k1 * pg.mr(), k, pb, k1 * pg.nr(), k, 0f, second, 0,
        ldc);
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double e1 = 0;
        double e2 = 0;
        for (int p = 0; p < k1; p++) {
          e1 += (double) a[i * k + p] * b[p * n + j];
        }
        for (int p = k1; p < k; p++) {
          e2 += (double) a[i * k + p] * b[p * n + j];
        }
        assertThat((double) first[i * ldc + j]).isCloseTo(e1,
            org.assertj.core.api.Assertions.offset(1e-4));
        assertThat((double) second[i * ldc + j]).isCloseTo(e2,
            org.assertj.core.api.Assertions.offset(1e-4));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"scalar", "panama"})
  void indexAWritesTheSameLayoutAsPackA(String impl) {
    PackedGemm pg = PackedGemm.of(GemmTest.kernels(impl));
    int m = 13;
    int k = 9;
    float[] a = random(new Random(9), m * k);
    float[] packed = new float[pg.packedASize(m, k)];
    pg.packA(false, a, 0, k, m, k, packed, 0);
    float[] byIndex = new float[packed.length];
    for (int i = 0; i < m; i++) {
      for (int p = 0; p < k; p++) {
        byIndex[pg.indexA(i, p, k)] = a[i * k + p];
      }
    }
    assertThat(byIndex).containsExactly(packed);
    assertThat(pg.paddedRows(m) % pg.mr()).isZero();
    assertThat(pg.packedBSize(k, 17)).isEqualTo(pg.panels(17) * pg.nr() * k);
  }

  @ParameterizedTest
  @ValueSource(strings = {"scalar", "panama"})
  void badArgumentsAreRejected(String impl) {
    PackedGemm pg = PackedGemm.of(GemmTest.kernels(impl));
    float[] small = new float[4];
    assertThatThrownBy(() -> pg.packA(false, small, 0, 2, 3, 2, new float[64], 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A");
    assertThatThrownBy(() -> pg.packB(false, new float[64], 0, 4, 4, 4, small, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("packed B");
    assertThatThrownBy(() -> pg.packA(true, new float[64], 0, 1, 4, 4, new float[64], 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leading");
    float[] pa = new float[pg.packedASize(2, 3)];
    float[] pb = new float[pg.packedBSize(3, 5)];
    assertThatThrownBy(() -> pg.multiplyPadded(2, 1, 3, pa, 0, pb, 0, 0f, new float[8], 0, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ldc");
    assertThatThrownBy(() -> pg.multiplyPadded(2, 1, 4, pa, 0, pb, 0, 0f, new float[64], 0,
        pg.nr())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("packed");
    assertThatThrownBy(() -> pg.multiplyPadded(2, 1, 3, pa, 0, 2, pb, 0, 3, 0f, new float[64],
        0, pg.nr())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("depth");
  }
}
