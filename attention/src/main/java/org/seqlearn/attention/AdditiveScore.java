package org.seqlearn.attention;

import org.seqlearn.core.Function;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.simd.KernelProvider;
import org.seqlearn.core.simd.Kernels;

/**
 * The course's additive score before its last activation, as one fused op with a hand-written
 * backward: {@code e[b,t,t′] = w · tanh(q[b,t] + k[b,t′]) + bias}, where {@code q} is the query
 * part of the first dense layer applied to s⟨t−1⟩ and {@code k} its source part (with its bias)
 * applied to a⟨t′⟩. Equal to broadcast add → tanh → a one-unit dense layer, without a GEMM of
 * width 1 and without materialising the intermediate steps as separate tensors.
 *
 * <p>Inputs {@code q [batch, Ty, u]}, {@code k [batch, Tx, u]}, {@code w [1, u]}, {@code bias
 * [1]}; output {@code [batch, Ty, Tx]}. With a row map, {@code k} is {@code [sources, Tx, u]} and
 * batch row b is scored against source {@code keyRows[b]} (beams sharing a sentence's keys).
 * Backward, with {@code h = tanh(q + k)} kept from the forward: {@code d(q + k) = g · w ·
 * (1 − h²)}, summed over t′ for q and over t (and over the rows sharing a source) for k;
 * {@code dw = Σ g h}; {@code dbias = Σ g}.
 */
final class AdditiveScore extends Function {

  private int batch;
  private int ty;
  private int tx;
  private int units;
  private int sources;
  private float[] hidden;
  private float[] w;
  private final int[] keyRows;

  private AdditiveScore(int[] keyRows) {
    this.keyRows = keyRows;
  }

  /** The pre-activation scores; shapes as in the class comment. */
  static Tensor of(Tensor q, Tensor k, Tensor w, Tensor bias) {
    return of(q, k, null, w, bias);
  }

  /**
   * The pre-activation scores of row b against source {@code keyRows[b]} of {@code k}
   * ({@code [sources, Tx, u]}); {@code keyRows} null means row b against source b.
   */
  static Tensor of(Tensor q, Tensor k, int[] keyRows, Tensor w, Tensor bias) {
    return new AdditiveScore(keyRows).apply(q, k, w, bias);
  }

  private int keyRow(int b) {
    return keyRows == null ? b : keyRows[b];
  }

  @Override
  public String name() {
    return "additiveScore";
  }

  @Override
  protected Tensor[] forward(Tensor... in) {
    float[] q = in[0].data();
    float[] k = in[1].data();
    w = in[2].data();
    float b1 = in[3].data()[0];
    batch = in[0].dim(0);
    ty = in[0].dim(1);
    tx = in[1].dim(1);
    units = in[0].dim(2);
    sources = in[1].dim(0);
    if (keyRows == null ? sources != batch : keyRows.length != batch) {
      throw new IllegalArgumentException("additive score needs one key source per query row: "
          + batch + " rows, " + sources + " sources, "
          + (keyRows == null ? "no row map" : keyRows.length + " mapped rows"));
    }
    Kernels kernels = KernelProvider.get();
    float[] e = new float[batch * ty * tx];
    boolean backward = false;
    for (int i = 0; i < 4; i++) {
      backward |= needsInputGrad(i);
    }
    int rowFloats = ty * tx * units;
    // without a backward (decoding) h is not kept: it is computed for a few batch rows at a time
    // in one scratch buffer. The chunks start at multiples of 64 floats, so the tanh kernel puts
    // every element in the same vector lane (or scalar tail) as over the whole array: the same
    // bits as the recorded path.
    int chunkRows = backward ? batch : 64 / gcd(rowFloats, 64) * 4;
    float[] h = new float[Math.min(batch, chunkRows) * rowFloats];
    for (int b0 = 0; b0 < batch; b0 += chunkRows) {
      int rows = Math.min(chunkRows, batch - b0);
      for (int b = b0; b < b0 + rows; b++) {
        for (int i = 0; i < ty; i++) {
          int qo = (b * ty + i) * units;
          for (int t = 0; t < tx; t++) {
            kernels.add(q, qo, k, (keyRow(b) * tx + t) * units, h,
                (((b - b0) * ty + i) * tx + t) * units, units);
          }
        }
      }
      kernels.tanh(h, 0, h, 0, rows * rowFloats);
      int r0 = b0 * ty * tx;
      for (int r = 0; r < rows * ty * tx; r++) {
        e[r0 + r] = kernels.dot(w, 0, h, r * units, units) + b1;
      }
    }
    hidden = backward ? h : null;
    return out(Tensor.wrap(e, batch, ty, tx));
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  @Override
  protected Tensor[] backward(Tensor... gradOut) {
    float[] g = gradOut[0].data();
    float[] dq = new float[batch * ty * units];
    float[] dk = new float[sources * tx * units];
    float[] dw = new float[units];
    double dbias = 0;
    for (int b = 0; b < batch; b++) {
      for (int i = 0; i < ty; i++) {
        int qo = (b * ty + i) * units;
        for (int t = 0; t < tx; t++) {
          int r = (b * ty + i) * tx + t;
          float gr = g[r];
          if (gr == 0f) {
            continue; // masked steps and relu's flat side
          }
          dbias += gr;
          int ho = r * units;
          int ko = (keyRow(b) * tx + t) * units;
          for (int j = 0; j < units; j++) {
            float h = hidden[ho + j];
            float d = gr * w[j] * (1f - h * h);
            dq[qo + j] += d;
            dk[ko + j] += d;
            dw[j] += gr * h;
          }
        }
      }
    }
    return out(
        needsInputGrad(0) ? Tensor.wrap(dq, batch, ty, units) : null,
        needsInputGrad(1) ? Tensor.wrap(dk, sources, tx, units) : null,
        needsInputGrad(2) ? Tensor.wrap(dw, 1, units) : null,
        needsInputGrad(3) ? Tensor.wrap(new float[] {(float) dbias}, 1) : null);
  }
}
