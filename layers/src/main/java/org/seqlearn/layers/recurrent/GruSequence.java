package org.seqlearn.layers.recurrent;

import org.seqlearn.core.Tensor;

/**
 * A whole GRU sequence as one fused differentiable op, in PyTorch/cuDNN form and gate order
 * (reset gate Γr = r, update gate z, candidate c̃ = n); the reset gate is applied <em>after</em>
 * the hidden matmul and the update gate weights the old state (so z plays the course's 1 − Γu):
 *
 * <pre>
 *   r = σ(W_ir x + b_ir + W_hr h + b_hr)     z = σ(W_iz x + b_iz + W_hz h + b_hz)
 *   n = tanh(W_in x + b_in + r * (W_hn h + b_hn))
 *   h⟨t⟩ = (1 − z) * n + z * h⟨t−1⟩
 * </pre>
 *
 * <p>Inputs: {@code x [batch, time, input], h0 [batch, hidden], weight_ih [3*hidden, input],
 * weight_hh [3*hidden, hidden], bias_ih [3*hidden], bias_hh [3*hidden]}. Outputs ({@link
 * #applyAll}): {@code y [batch, time, hidden]}, {@code hN [batch, hidden]}. Lengths and direction
 * behave as in {@link LstmSequence}.
 */
public final class GruSequence extends BlockedRecurrence {

  /** {@code [B, T, H]} (training): W_hn h⟨t−1⟩ + b_hn at each step (what r multiplied). */
  private float[] hiddenCandidate;

  /** A GRU over full-length sequences, forward in time. */
  public GruSequence() {
    this(false, null);
  }

  /**
   * @param reverse run from the last step to the first (the backward direction)
   * @param lengths per-sequence lengths in {@code [0, time]}, or null for full length
   */
  public GruSequence(boolean reverse, int[] lengths) {
    super(3, 1, reverse, lengths);
  }

  /** r and z take the whole product; the candidate needs its hidden part apart. */
  @Override
  protected int jointGates() {
    return 2;
  }

  @Override
  protected boolean separateHiddenGradients() {
    return true;
  }

  @Override
  protected boolean accumulatesHiddenGrad() {
    return true;
  }

  @Override
  protected void begin(Tensor[] inputs) {
    if (training) {
      hiddenCandidate = saved(s.batch * s.time * s.hidden);
    }
  }

  @Override
  protected void forwardRow(int jb, int j0, int w, int col, int cRow, int row, int sb,
      int gRow) {
    float[] a = cH;
    float[] xn = cX;
    K.sigmoid(a, cRow, a, cRow, 2 * w);
    int n0 = cRow + splitShift(jb);
    for (int j = 0; j < w; j++) {
      float hn = a[n0 + j];
      if (training) {
        hiddenCandidate[row + j] = hn;
      }
      xn[n0 + j] += a[cRow + j] * hn;
    }
    K.tanh(xn, n0, xn, n0, w);
    int z0 = cRow + w;
    for (int j = 0; j < w; j++) {
      float n = xn[n0 + j];
      h[sb + j] = n + a[z0 + j] * (h[sb + j] - n);
    }
    if (training) {
      System.arraycopy(a, cRow, gates, gRow + col, 2 * w);
      System.arraycopy(xn, n0, gates, gRow + col + 2 * w, w);
    }
  }

  @Override
  protected Tensor[] extraOutputs() {
    return new Tensor[0];
  }

  @Override
  protected void beginBackward(Tensor[] outputGrads) {}

  @Override
  protected void backwardRow(int j0, int w, int col, int row, int sb, int gRow, int hRow,
      float[] dy) {
    int g0 = gRow + col;
    for (int j = 0; j < w; j++) {
      float r = gates[g0 + j];
      float z = gates[g0 + w + j];
      float n = gates[g0 + 2 * w + j];
      float dhj = dh[sb + j] + dy[row + j];
      float dnPre = dhj * (1f - z) * (1f - n * n);
      float drPre = dnPre * hiddenCandidate[row + j] * r * (1f - r);
      float dzPre = dhj * (hx[hRow + j] - n) * z * (1f - z);
      dGatesX[g0 + j] = drPre;
      dGatesX[g0 + w + j] = dzPre;
      dGatesX[g0 + 2 * w + j] = dnPre;
      dGatesH[g0 + j] = drPre;
      dGatesH[g0 + w + j] = dzPre;
      dGatesH[g0 + 2 * w + j] = dnPre * r;
      dh[sb + j] = dhj * z;
    }
  }

  @Override
  protected void endBackward() {
    hiddenCandidate = null;
  }

  @Override
  protected Tensor[] extraInputGrads() {
    return new Tensor[0];
  }
}
