package org.seqlearn.attention;

import org.seqlearn.core.Function;
import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.simd.Kernels;
import org.seqlearn.core.simd.KernelProvider;

/**
 * The context vectors c⟨t⟩ = Σ_{t′} α⟨t,t′⟩ a⟨t′⟩ of a batch as one fused op with a hand-written
 * backward: {@code [batch, Ty, Tx] x [batch, Tx, F] -> [batch, Ty, F]}. It equals a batched
 * matmul, but a decoder step has Ty = 1, and there one GEMM per batch row costs more in packing
 * than it computes; here each context row is Tx SIMD axpys (none for a zero weight, i.e. a padded
 * step) and the backward is dots and axpys, with no packing.
 *
 * <p>With a row map, {@code values} is {@code [sources, Tx, F]} and batch row b weighs source
 * {@code valueRows[b]} (beams sharing a sentence's encoder outputs).
 *
 * <p>Backward: dα⟨t,t′⟩ = g⟨t⟩ · a⟨t′⟩ and da⟨t′⟩ = Σ_t α⟨t,t′⟩ g⟨t⟩.
 */
final class WeightedSum extends Function {

  private Tensor weights;
  private Tensor values;
  private int batch;
  private int ty;
  private int tx;
  private int features;
  private final int[] valueRows;

  private WeightedSum(int[] valueRows) {
    this.valueRows = valueRows;
  }

  /** c = α a, shapes as in the class comment. */
  static Tensor of(Tensor weights, Tensor values) {
    return of(weights, values, null);
  }

  /**
   * c = α a where row b of {@code weights} weighs source {@code valueRows[b]} of {@code values}
   * ({@code [sources, Tx, F]}); {@code valueRows} null means row b weighs source b.
   */
  static Tensor of(Tensor weights, Tensor values, int[] valueRows) {
    return new WeightedSum(valueRows).apply(weights, values);
  }

  private int valueRow(int b) {
    return valueRows == null ? b : valueRows[b];
  }

  @Override
  public String name() {
    return "weightedSum";
  }

  @Override
  protected Tensor[] forward(Tensor... in) {
    weights = in[0];
    values = in[1];
    if (weights.rank() != 3 || values.rank() != 3 || weights.dim(2) != values.dim(1)
        || (valueRows == null ? weights.dim(0) != values.dim(0)
            : weights.dim(0) != valueRows.length)) {
      throw new IllegalArgumentException("weighted sum needs weights [batch, Ty, Tx] and values "
          + "[batch, Tx, F] (or [sources, Tx, F] and a row map of batch rows), got "
          + Shape.format(weights.shape()) + " and " + Shape.format(values.shape())
          + (valueRows == null ? "" : " with " + valueRows.length + " mapped rows"));
    }
    batch = weights.dim(0);
    ty = weights.dim(1);
    tx = weights.dim(2);
    features = values.dim(2);
    float[] w = weights.data();
    float[] v = values.data();
    float[] c = new float[batch * ty * features];
    Kernels k = KernelProvider.get();
    for (int b = 0; b < batch; b++) {
      for (int i = 0; i < ty; i++) {
        int row = (b * ty + i) * tx;
        int out = (b * ty + i) * features;
        for (int t = 0; t < tx; t++) {
          float alpha = w[row + t];
          if (alpha != 0f) {
            k.axpy(alpha, v, (valueRow(b) * tx + t) * features, c, out, features);
          }
        }
      }
    }
    return out(Tensor.wrap(c, batch, ty, features));
  }

  @Override
  protected Tensor[] backward(Tensor... gradOut) {
    float[] g = gradOut[0].data();
    float[] w = weights.data();
    float[] v = values.data();
    Kernels k = KernelProvider.get();
    float[] dw = needsInputGrad(0) ? new float[w.length] : null;
    float[] dv = needsInputGrad(1) ? new float[v.length] : null;
    for (int b = 0; b < batch; b++) {
      for (int i = 0; i < ty; i++) {
        int row = (b * ty + i) * tx;
        int go = (b * ty + i) * features;
        for (int t = 0; t < tx; t++) {
          int vo = (valueRow(b) * tx + t) * features;
          if (dw != null) {
            dw[row + t] = k.dot(g, go, v, vo, features);
          }
          if (dv != null && w[row + t] != 0f) {
            k.axpy(w[row + t], g, go, dv, vo, features);
          }
        }
      }
    }
    return out(dw == null ? null : Tensor.wrap(dw, weights.shape()),
        dv == null ? null : Tensor.wrap(dv, values.shape()));
  }
}
