package org.seqlearn.core.ops;

import java.util.Arrays;
import org.seqlearn.core.Function;
import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.simd.KernelProvider;

/**
 * Matrix product over the last two dimensions, batched over the leading ones with NumPy
 * broadcasting, forward and backward both by GEMM.
 *
 * <p>{@code op(A)} is {@code [..., m, k]} and {@code op(B)} is {@code [..., k, n]}, where {@code
 * op} transposes the last two dimensions of a stored operand when its flag is set. When B has no
 * batch dimensions and A is not transposed, the whole batch is one GEMM of {@code [batch * m,
 * k]} by {@code [k, n]} (the usual linear-layer case), and so are both weight gradients.
 */
public final class MatMul extends Function {

  private final boolean transA;
  private final boolean transB;
  private Tensor a;
  private Tensor b;
  private int m;
  private int n;
  private int k;
  private int[] aOffsets;
  private int[] bOffsets;

  private MatMul(boolean transA, boolean transB) {
    this.transA = transA;
    this.transB = transB;
  }

  /** {@code op(a) @ op(b)}: {@code [..., m, k] x [..., k, n] -> [broadcast(...), m, n]}. */
  public static Tensor matmul(Tensor a, Tensor b, boolean transA, boolean transB) {
    return new MatMul(transA, transB).apply(a, b);
  }

  @Override
  public String name() {
    return "matmul";
  }

  @Override
  protected Tensor[] forward(Tensor... in) {
    a = in[0];
    b = in[1];
    int[] as = a.shape();
    int[] bs = b.shape();
    String shapes = "matmul: " + Shape.format(as) + " and " + Shape.format(bs)
        + " (transA=" + transA + ", transB=" + transB + ")";
    if (as.length < 2 || bs.length < 2) {
      throw new IllegalArgumentException(shapes + ": both operands need at least 2 dimensions");
    }
    m = transA ? as[as.length - 1] : as[as.length - 2];
    k = transA ? as[as.length - 2] : as[as.length - 1];
    int kb = transB ? bs[bs.length - 1] : bs[bs.length - 2];
    n = transB ? bs[bs.length - 2] : bs[bs.length - 1];
    if (k != kb) {
      throw new IllegalArgumentException(shapes + ": inner dimensions differ, " + k + " vs " + kb);
    }
    int[] aBatch = Arrays.copyOf(as, as.length - 2);
    int[] bBatch = Arrays.copyOf(bs, bs.length - 2);
    int[] batch;
    try {
      batch = Shape.broadcast(aBatch, bBatch);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(shapes + ": batch dimensions do not broadcast", e);
    }
    int[] outShape = Arrays.copyOf(batch, batch.length + 2);
    outShape[batch.length] = m;
    outShape[batch.length + 1] = n;
    int batchCount = Shape.numel(batch);
    if (bBatch.length == 0 && !transA) {
      m *= batchCount; // A's batch folds into its rows: one GEMM
      aOffsets = new int[] {0};
      bOffsets = new int[] {0};
    } else {
      aOffsets = new int[batchCount];
      bOffsets = new int[batchCount];
      int aSize = Shape.numel(as) / Math.max(1, Shape.numel(aBatch));
      int bSize = Shape.numel(bs) / Math.max(1, Shape.numel(bBatch));
      Strided.Plan plan = new Strided.Plan(batch, Shape.strides(batch),
          Strided.broadcastStrides(aBatch, batch), Strided.broadcastStrides(bBatch, batch));
      int os = plan.inner(0);
      int aStep = plan.inner(1);
      int bStep = plan.inner(2);
      Strided.forEachRow(plan, (off, len) -> {
        for (int i = 0; i < len; i++) {
          aOffsets[off[0] + i * os] = (off[1] + i * aStep) * aSize;
          bOffsets[off[0] + i * os] = (off[2] + i * bStep) * bSize;
        }
      });
    }
    float[] c = new float[Shape.numel(outShape)];
    int lda = ld(transA ? m : k);
    int ldb = ld(transB ? k : n);
    for (int i = 0; i < aOffsets.length; i++) {
      KernelProvider.get().gemm(transA, transB, m, n, k, 1f, a.data(), aOffsets[i], lda,
          b.data(), bOffsets[i], ldb, 0f, c, i * m * n, ld(n));
    }
    return out(Tensor.wrap(c, outShape));
  }

  @Override
  protected Tensor[] backward(Tensor... gradOut) {
    float[] g = gradOut[0].data();
    int lda = ld(transA ? m : k);
    int ldb = ld(transB ? k : n);
    Tensor da = null;
    Tensor db = null;
    // Broadcast operands repeat an offset across the batch, so every product accumulates
    // (beta = 1) into a zeroed gradient.
    if (needsInputGrad(0)) {
      float[] ga = new float[a.numel()];
      for (int i = 0; i < aOffsets.length; i++) {
        int go = i * m * n;
        if (!transA) { // dA = G op(B)^T
          KernelProvider.get().gemm(false, !transB, m, k, n, 1f, g, go, ld(n),
              b.data(), bOffsets[i], ldb, 1f, ga, aOffsets[i], ld(k));
        } else { // dA = op(B) G^T
          KernelProvider.get().gemm(transB, true, k, m, n, 1f, b.data(), bOffsets[i], ldb,
              g, go, ld(n), 1f, ga, aOffsets[i], ld(m));
        }
      }
      da = Tensor.wrap(ga, a.shape());
    }
    if (needsInputGrad(1)) {
      float[] gb = new float[b.numel()];
      for (int i = 0; i < bOffsets.length; i++) {
        int go = i * m * n;
        if (!transB) { // dB = op(A)^T G
          KernelProvider.get().gemm(!transA, false, k, n, m, 1f, a.data(), aOffsets[i], lda,
              g, go, ld(n), 1f, gb, bOffsets[i], ld(n));
        } else { // dB = G^T op(A)
          KernelProvider.get().gemm(true, transA, n, k, m, 1f, g, go, ld(n),
              a.data(), aOffsets[i], lda, 1f, gb, bOffsets[i], ld(k));
        }
      }
      db = Tensor.wrap(gb, b.shape());
    }
    return out(da, db);
  }

  /** A leading dimension for GEMM: the row length, at least 1 for empty matrices. */
  private static int ld(int cols) {
    return Math.max(1, cols);
  }
}
