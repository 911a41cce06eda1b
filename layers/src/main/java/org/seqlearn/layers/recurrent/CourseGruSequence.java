package org.seqlearn.layers.recurrent;

import org.seqlearn.core.Tensor;

/**
 * A whole GRU sequence in the course's full form, as one fused differentiable op: the reset
 * (relevance) gate Γr multiplies the state <em>before</em> the hidden matmul, and the update gate
 * Γu weights the candidate:
 *
 * <pre>
 *   Γr = σ(W_ir x + b_ir + W_hr c⟨t−1⟩ + b_hr)      Γu = σ(W_iz x + b_iz + W_hz c⟨t−1⟩ + b_hz)
 *   c̃⟨t⟩ = tanh(W_in x + b_in + W_hn (Γr * c⟨t−1⟩) + b_hn)
 *   c⟨t⟩ = Γu * c̃⟨t⟩ + (1 − Γu) * c⟨t−1⟩
 * </pre>
 *
 * <p>({@code Wc [Γr * c, x]} of the course is {@code [W_hn | W_in]}.) Parameters are laid out as in
 * PyTorch's GRU (gate blocks r, z, n): {@code x [batch, time, input], h0 [batch, hidden],
 * weight_ih [3*hidden, input], weight_hh [3*hidden, hidden], bias_ih [3*hidden], bias_hh
 * [3*hidden]}. Outputs: {@code y [batch, time, hidden]}, {@code hN [batch, hidden]}. Lengths and
 * direction behave as in {@link LstmSequence}. Each step takes two hidden GEMMs (gates, then
 * candidate), since the candidate's product needs Γr first.
 */
public final class CourseGruSequence extends FusedRecurrence {

  /** {@code [B, T, H]}: Γr * c⟨t−1⟩ at each step. */
  private float[] resetState;

  /** A course-form GRU over full-length sequences, forward in time. */
  public CourseGruSequence() {
    this(false, null);
  }

  /**
   * @param reverse run from the last step to the first (the backward direction)
   * @param lengths per-sequence lengths in {@code [0, time]}, or null for full length
   */
  public CourseGruSequence(boolean reverse, int[] lengths) {
    super(3, 1, reverse, lengths);
  }

  @Override
  protected void projectionBias(float[] biasIh, float[] biasHh, float[] out) {
    K.add(biasIh, 0, biasHh, 0, out, 0, out.length);
  }

  @Override
  protected void begin(Tensor[] inputs) {
    resetState = new float[s.batch * s.time * s.hidden];
  }

  @Override
  protected void stepForward(int t) {
    int hh = s.hidden;
    int gw = 3 * hh;
    int ldg = s.time * gw;
    int ldh = s.time * hh;
    K.gemm(false, false, s.batch, 2 * hh, hh, 1f, hPrev, t * hh, ldh, weightHhT, 0, gw, 1f,
        gates, t * gw, ldg);
    for (int b = 0; b < s.batch; b++) {
      if (s.active(b, t)) {
        int g0 = b * ldg + t * gw;
        K.sigmoid(gates, g0, gates, g0, 2 * hh);
        K.mul(gates, g0, h, b * hh, resetState, b * ldh + t * hh, hh);
      }
    }
    K.gemm(false, false, s.batch, hh, hh, 1f, resetState, t * hh, ldh, weightHhT, 2 * hh, gw, 1f,
        gates, t * gw + 2 * hh, ldg);
    for (int b = 0; b < s.batch; b++) {
      if (!s.active(b, t)) {
        continue;
      }
      int g0 = b * ldg + t * gw;
      int n0 = g0 + 2 * hh;
      int row = b * ldh + t * hh;
      int sb = b * hh;
      K.tanh(gates, n0, gates, n0, hh);
      for (int j = 0; j < hh; j++) {
        float hNew = h[sb + j] + gates[g0 + hh + j] * (gates[n0 + j] - h[sb + j]);
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
  protected void beginBackward(Tensor[] outputGrads) {}

  @Override
  protected void stepBackward(int t, float[] dy) {
    int hh = s.hidden;
    int gw = 3 * hh;
    int ldg = s.time * gw;
    int ldh = s.time * hh;
    for (int b = 0; b < s.batch; b++) {
      if (!s.active(b, t)) {
        continue;
      }
      int g0 = b * ldg + t * gw;
      int row = b * ldh + t * hh;
      int sb = b * hh;
      for (int j = 0; j < hh; j++) {
        float z = gates[g0 + hh + j];
        float n = gates[g0 + 2 * hh + j];
        float dhj = dh[sb + j] + dy[row + j];
        dGatesX[g0 + 2 * hh + j] = dhj * z * (1f - n * n);
        dGatesX[g0 + hh + j] = dhj * (n - hPrev[row + j]) * z * (1f - z);
        dh[sb + j] = dhj * (1f - z);
      }
    }
    // d(Γr * c⟨t−1⟩) = dc̃_pre · W_hn
    K.gemm(false, false, s.batch, hh, hh, 1f, dGatesX, t * gw + 2 * hh, ldg, weightHh,
        2 * hh * hh, hh, 0f, scratch, 0, hh);
    for (int b = 0; b < s.batch; b++) {
      if (!s.active(b, t)) {
        continue;
      }
      int g0 = b * ldg + t * gw;
      int row = b * ldh + t * hh;
      int sb = b * hh;
      for (int j = 0; j < hh; j++) {
        float r = gates[g0 + j];
        float dReset = scratch[sb + j];
        dGatesX[g0 + j] = dReset * hPrev[row + j] * r * (1f - r);
        dh[sb + j] += dReset * r;
      }
    }
    K.gemm(false, false, s.batch, hh, 2 * hh, 1f, dGatesX, t * gw, ldg, weightHh, 0, hh, 0f,
        scratch, 0, hh);
    for (int b = 0; b < s.batch; b++) {
      if (s.active(b, t)) {
        K.axpy(1f, scratch, b * hh, dh, b * hh, hh);
      }
    }
  }

  @Override
  protected void hiddenWeightGradient(float[] dw) {
    int hh = s.hidden;
    int gw = 3 * hh;
    int bt = s.batch * s.time;
    K.gemm(true, false, 2 * hh, hh, bt, 1f, dGatesX, 0, gw, hPrev, 0, hh, 0f, dw, 0, hh);
    K.gemm(true, false, hh, hh, bt, 1f, dGatesX, 2 * hh, gw, resetState, 0, hh, 0f, dw,
        2 * hh * hh, hh);
  }

  @Override
  protected Tensor[] extraInputGrads() {
    return new Tensor[0];
  }
}
