package org.seqlearn.core.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.seqlearn.core.ops.Fixtures.param;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.seqlearn.core.GradCheck;
import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;

class MatMulTest {

  /** Stored shape of an operand: {@code batch + [rows, cols]}, swapped when transposed. */
  private static int[] stored(int[] batch, int rows, int cols, boolean trans) {
    int[] s = Arrays.copyOf(batch, batch.length + 2);
    s[batch.length] = trans ? cols : rows;
    s[batch.length + 1] = trans ? rows : cols;
    return s;
  }

  /** Naive triple loop over broadcast batches, reading elements through get(). */
  private static void expectProduct(Tensor a, Tensor b, boolean ta, boolean tb, Tensor c) {
    int[] as = a.shape();
    int[] bs = b.shape();
    int[] aBatch = Arrays.copyOf(as, as.length - 2);
    int[] bBatch = Arrays.copyOf(bs, bs.length - 2);
    int[] batch = Shape.broadcast(aBatch, bBatch);
    int m = ta ? as[as.length - 1] : as[as.length - 2];
    int k = ta ? as[as.length - 2] : as[as.length - 1];
    int n = tb ? bs[bs.length - 2] : bs[bs.length - 1];
    int[] outShape = Arrays.copyOf(batch, batch.length + 2);
    outShape[batch.length] = m;
    outShape[batch.length + 1] = n;
    assertThat(c.shape()).containsExactly(outShape);
    for (int flat = 0; flat < c.numel(); flat++) {
      int[] idx = Fixtures.unravel(flat, outShape);
      int i = idx[batch.length];
      int j = idx[batch.length + 1];
      double sum = 0;
      for (int p = 0; p < k; p++) {
        sum += (double) element(a, idx, batch.length, ta ? p : i, ta ? i : p)
            * element(b, idx, batch.length, tb ? j : p, tb ? p : j);
      }
      assertThat((double) c.data()[flat]).isCloseTo(sum, within(1e-5));
    }
  }

  private static float element(Tensor t, int[] outIdx, int batchRank, int row, int col) {
    int[] s = t.shape();
    int[] idx = new int[s.length];
    int lead = batchRank - (s.length - 2);
    for (int d = 0; d < s.length - 2; d++) {
      idx[d] = s[d] == 1 ? 0 : outIdx[d + lead];
    }
    idx[s.length - 2] = row;
    idx[s.length - 1] = col;
    return t.get(idx);
  }

  private static final int[][][] BATCHES = {
      {{}, {}},
      {{3}, {3}},
      {{3}, {}},
      {{}, {3}},
      {{2, 1}, {3}},
      {{2, 1}, {1, 3}},
  };

  @Test
  void forwardMatchesALoopForEveryFlagAndBatchLayout() {
    long seed = 100;
    int m = 4;
    int k = 5;
    int n = 3;
    for (int[][] batches : BATCHES) {
      for (boolean ta : new boolean[] {false, true}) {
        for (boolean tb : new boolean[] {false, true}) {
          Tensor a = Tensor.uniform(-1f, 1f, seed++, stored(batches[0], m, k, ta));
          Tensor b = Tensor.uniform(-1f, 1f, seed++, stored(batches[1], k, n, tb));
          expectProduct(a, b, ta, tb, a.matmul(b, ta, tb));
        }
      }
    }
  }

  @Test
  void gradientsForEveryFlagAndBatchLayout() {
    long seed = 200;
    for (int[][] batches : BATCHES) {
      for (boolean ta : new boolean[] {false, true}) {
        for (boolean tb : new boolean[] {false, true}) {
          Tensor a = param(seed++, stored(batches[0], 3, 4, ta));
          Tensor b = param(seed++, stored(batches[1], 4, 2, tb));
          GradCheck.check(in -> in[0].matmul(in[1], ta, tb), a, b);
        }
      }
    }
  }

  @Test
  void linearLayerCaseFoldsTheBatch() {
    // [batch, time, in] x [in, out]: one GEMM forward, one per gradient.
    Tensor x = param(300L, 2, 3, 4);
    Tensor w = param(301L, 4, 5);
    expectProduct(x, w, false, false, x.matmul(w));
    GradCheck.check(in -> in[0].matmul(in[1]), x, w);
    Tensor wt = param(302L, 5, 4);
    GradCheck.check(in -> in[0].matmul(in[1], false, true), x, wt);
  }

  @Test
  void mismatchedShapesNameBoth() {
    assertThatThrownBy(() -> Tensor.zeros(2, 3).matmul(Tensor.zeros(4, 5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("matmul: [2, 3] and [4, 5]")
        .hasMessageContaining("inner dimensions differ, 3 vs 4");
    assertThatThrownBy(() -> Tensor.zeros(2, 3, 4).matmul(Tensor.zeros(3, 4, 5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[2, 3, 4] and [3, 4, 5]").hasMessageContaining("batch");
    assertThatThrownBy(() -> Tensor.zeros(3).matmul(Tensor.zeros(3, 2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2");
  }
}
