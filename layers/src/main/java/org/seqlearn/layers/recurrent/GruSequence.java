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
public final class GruSequence extends FusedRecurrence {

  private float[] biasHn;
  /** {@code [B, 3H]}: h⟨t−1⟩ · W_hhᵀ of the current step. */
  private float[] hiddenGates;
  /** {@code [B, T, H]}: W_hn h⟨t−1⟩ + b_hn at each step (what the reset gate multiplied). */
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

  @Override
  protected void projectionBias(float[] biasIh, float[] biasHh, float[] out) {
    int hh = out.length / 3;
    K.add(biasIh, 0, biasHh, 0, out, 0, 2 * hh);
    System.arraycopy(biasIh, 2 * hh, out, 2 * hh, hh);
  }

  @Override
  protected void begin(Tensor[] inputs) {
    int hh = s.hidden;
    biasHn = new float[hh];
    System.arraycopy(inputs[5].data(), 2 * hh, biasHn, 0, hh);
    hiddenGates = new float[s.batch * 3 * hh];
    hiddenCandidate = new float[s.batch * s.time * hh];
  }

  @Override
  protected void stepForward(int t) {
    int hh = s.hidden;
    int gw = 3 * hh;
    int ldg = s.time * gw;
    hiddenProduct(t, hiddenGates, 0, gw, 0f);
    for (int b = 0; b < s.batch; b++) {
      if (!s.active(b, t)) {
        continue;
      }
      int g0 = b * ldg + t * gw;
      int hg = b * gw;
      int row = (b * s.time + t) * hh;
      int sb = b * hh;
      K.add(gates, g0, hiddenGates, hg, gates, g0, 2 * hh);
      K.sigmoid(gates, g0, gates, g0, 2 * hh);
      int n0 = g0 + 2 * hh;
      for (int j = 0; j < hh; j++) {
        float hn = hiddenGates[hg + 2 * hh + j] + biasHn[j];
        hiddenCandidate[row + j] = hn;
        gates[n0 + j] += gates[g0 + j] * hn;
      }
      K.tanh(gates, n0, gates, n0, hh);
      for (int j = 0; j < hh; j++) {
        float n = gates[n0 + j];
        float hNew = n + gates[g0 + hh + j] * (h[sb + j] - n);
        h[sb + j] = hNew;
        y[row + j] = hNew;
      }
    }
  }

  @Override
  protected Tensor[] extraOutputs() {
    return new Tensor[0];
  }

  @Override
  protected boolean separateHiddenGradients() {
    return true;
  }

  @Override
  protected void beginBackward(Tensor[] outputGrads) {}

  @Override
  protected void stepBackward(int t, float[] dy) {
    int hh = s.hidden;
    int gw = 3 * hh;
    int ldg = s.time * gw;
    for (int b = 0; b < s.batch; b++) {
      if (!s.active(b, t)) {
        continue;
      }
      int g0 = b * ldg + t * gw;
      int row = (b * s.time + t) * hh;
      int sb = b * hh;
      for (int j = 0; j < hh; j++) {
        float r = gates[g0 + j];
        float z = gates[g0 + hh + j];
        float n = gates[g0 + 2 * hh + j];
        float dhj = dh[sb + j] + dy[row + j];
        float dnPre = dhj * (1f - z) * (1f - n * n);
        float drPre = dnPre * hiddenCandidate[row + j] * r * (1f - r);
        float dzPre = dhj * (hPrev[row + j] - n) * z * (1f - z);
        dGatesX[g0 + j] = drPre;
        dGatesX[g0 + hh + j] = dzPre;
        dGatesX[g0 + 2 * hh + j] = dnPre;
        dGatesH[g0 + j] = drPre;
        dGatesH[g0 + hh + j] = dzPre;
        dGatesH[g0 + 2 * hh + j] = dnPre * r;
        dh[sb + j] = dhj * z;
      }
    }
    hiddenBackProduct(t);
    for (int b = 0; b < s.batch; b++) {
      if (s.active(b, t)) {
        K.axpy(1f, scratch, b * hh, dh, b * hh, hh);
      }
    }
  }

  @Override
  protected Tensor[] extraInputGrads() {
    return new Tensor[0];
  }
}
