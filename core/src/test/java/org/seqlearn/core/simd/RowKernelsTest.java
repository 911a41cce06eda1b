package org.seqlearn.core.simd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both row-kernel families against the operations written out one row at a time (the axpy passes
 * they replace), on row lengths around the vector length, at offsets, with 0 to 7 rows (a row
 * repeated included); the Panama family must give the scalar one's bits.
 */
class RowKernelsTest {

  private static final int[] LENGTHS = {0, 1, 7, 8, 9, 33, 100};

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    List<RowKernels> families = new ArrayList<>();
    families.add(RowKernels.of(KernelProvider.scalar()));
    KernelProvider.panama().ifPresent(k -> families.add(RowKernels.of(k)));
    for (RowKernels rows : families) {
      for (int n : LENGTHS) {
        out.add(Arguments.of(rows, n));
      }
    }
    return out.stream();
  }

  private static float[] random(Random rnd, int size) {
    float[] a = new float[size];
    for (int i = 0; i < size; i++) {
      a[i] = (float) rnd.nextGaussian();
    }
    return a;
  }

  @ParameterizedTest(name = "{0} n={1}")
  @MethodSource("cases")
  void sumRowsAddsTheRowsInOrder(RowKernels rows, int n) {
    Random rnd = new Random(11 + n);
    int rowCount = 9;
    float[] m = random(rnd, 3 + rowCount * n);
    for (int count = 0; count <= 7; count++) {
      int[] offsets = new int[count + 2];
      for (int c = 0; c < count; c++) {
        offsets[c] = 3 + rnd.nextInt(rowCount) * n;
      }
      if (count > 2) {
        offsets[count - 1] = offsets[0];
      }
      float[] dst = new float[n + 4];
      dst[0] = 42f;
      dst[n + 3] = 43f;
      rows.sumRows(m, offsets, count, n, dst, 2);
      for (int j = 0; j < n; j++) {
        float expected = 0f;
        for (int c = 0; c < count; c++) {
          expected += m[offsets[c] + j];
        }
        assertThat(dst[2 + j]).as("count %d lane %d", count, j).isEqualTo(expected);
      }
      assertThat(dst[0]).isEqualTo(42f);
      assertThat(dst[n + 3]).isEqualTo(43f);
    }
  }

  @ParameterizedTest(name = "{0} n={1}")
  @MethodSource("cases")
  void exchangeUsesTheOldRowForTheError(RowKernels rows, int n) {
    Random rnd = new Random(5 + n);
    float g = 0.0173f;
    float[] in = random(rnd, n + 1);
    float[] row = random(rnd, n + 7);
    float[] err = random(rnd, n + 2);
    float[] rowBefore = row.clone();
    float[] errBefore = err.clone();
    rows.exchange(g, in, 1, row, 5, err, 2, n);
    for (int j = 0; j < n; j++) {
      float r = rowBefore[5 + j];
      assertThat(err[2 + j]).isEqualTo(Math.fma(g, r, errBefore[2 + j]));
      assertThat(row[5 + j]).isEqualTo(Math.fma(g, in[1 + j], r));
    }
    for (int j : new int[] {0, 1, 2, 3, 4, n + 5, n + 6}) {
      assertThat(row[j]).isEqualTo(rowBefore[j]);
    }
    assertThat(err[0]).isEqualTo(errBefore[0]);
    assertThat(err[1]).isEqualTo(errBefore[1]);
  }

  @Test
  void panamaGivesTheScalarBitsOnAWord2VecSizedStep() {
    RowKernels scalar = RowKernels.of(KernelProvider.scalar());
    RowKernels panama = KernelProvider.panama().map(RowKernels::of).orElse(scalar);
    Random rnd = new Random(3);
    int n = 100;
    float[] m = random(rnd, 50 * n);
    int[] offsets = {7 * n, 12 * n, 40 * n, 3 * n, 7 * n, 49 * n};
    float[] a = new float[n];
    float[] b = new float[n];
    scalar.sumRows(m, offsets, offsets.length, n, a, 0);
    panama.sumRows(m, offsets, offsets.length, n, b, 0);
    assertThat(b).containsExactly(a);
    float[] m2 = m.clone();
    float[] errA = new float[n];
    float[] errB = new float[n];
    for (int k = 0; k < offsets.length; k++) {
      scalar.exchange(0.01f * (k - 2), a, 0, m, offsets[k], errA, 0, n);
      panama.exchange(0.01f * (k - 2), a, 0, m2, offsets[k], errB, 0, n);
    }
    assertThat(m2).containsExactly(m);
    assertThat(errB).containsExactly(errA);
  }

  @Test
  void familiesAreNamed() {
    assertThat(RowKernels.of(KernelProvider.scalar()).name()).isEqualTo("scalar");
    assertThat(RowKernels.get().name()).isEqualTo(KernelProvider.get().name());
  }
}
