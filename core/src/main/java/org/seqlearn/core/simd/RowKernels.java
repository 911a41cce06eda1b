package org.seqlearn.core.simd;

/**
 * Fused operations on rows of an embedding matrix, for the sparse updates of word2vec-style
 * training: a row is {@code n} floats of a {@code float[]} starting at an offset, and a step
 * touches a handful of rows picked by word ids.
 *
 * <p>Each method does in one pass over the {@code n} lanes what would otherwise take one {@link
 * Kernels#axpy} pass per row, so every row is loaded once. Ranges that a method writes must not
 * overlap a range it reads, except where stated. Like {@link GateKernels} there is a scalar
 * implementation (the reference) and a Panama one; both use fused multiply-adds and add the rows
 * in the same order, so their results are the same bits.
 */
public interface RowKernels {

  /** The row kernels of the {@link Kernels} chosen for this JVM ({@link KernelProvider#get()}). */
  static RowKernels get() {
    return RowKernelsHolder.ACTIVE;
  }

  /** The row kernels of the same family as {@code kernels} (Panama or scalar). */
  static RowKernels of(Kernels kernels) {
    return RowKernelsHolder.of(kernels);
  }

  /** A short name for logs and benchmarks: {@code "panama"} or {@code "scalar"}. */
  String name();

  /**
   * {@code dst[j] = Σ_c m[offsets[c] + j]} for {@code j < n}, the rows added in order {@code c =
   * 0 .. count-1}; {@code dst} is all zeros when {@code count == 0}.
   *
   * @param m the matrix, rows of {@code n} floats at {@code offsets[0 .. count-1]}
   * @param dst receives the sum ({@code [n]} at {@code dstOff}); must not overlap those rows
   */
  void sumRows(float[] m, int[] offsets, int count, int n, float[] dst, int dstOff);

  /**
   * The negative-sampling / hierarchical-softmax step on one output row, reading that row once:
   * for each {@code j < n}, with {@code r} the row's old value, {@code err[j] += g·r} and then
   * {@code row[j] = r + g·in[j]} (both fused multiply-adds).
   *
   * @param in the input vector ({@code [n]} at {@code inOff}); read only
   * @param row the output row ({@code [n]} at {@code rowOff}); updated
   * @param err the accumulated input error ({@code [n]} at {@code errOff}); updated
   */
  void exchange(float g, float[] in, int inOff, float[] row, int rowOff, float[] err, int errOff,
      int n);
}
