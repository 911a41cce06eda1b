package org.seqlearn.layers.recurrent;

import org.seqlearn.core.Tensor;

/**
 * A whole LSTM sequence as one fused differentiable op, in PyTorch's form and gate order (input
 * Γu = i, forget Γf = f, candidate c̃ = g, output Γo = o):
 *
 * <pre>
 *   i = σ(W_ii x + b_ii + W_hi h + b_hi)     f = σ(W_if x + b_if + W_hf h + b_hf)
 *   g = tanh(W_ig x + b_ig + W_hg h + b_hg)  o = σ(W_io x + b_io + W_ho h + b_ho)
 *   c⟨t⟩ = f * c⟨t−1⟩ + i * g               h⟨t⟩ = o * tanh(c⟨t⟩)
 * </pre>
 *
 * <p>Inputs: {@code x [batch, time, input], h0 [batch, hidden], c0 [batch, hidden], weight_ih
 * [4*hidden, input], weight_hh [4*hidden, hidden], bias_ih [4*hidden], bias_hh [4*hidden]}.
 * Outputs ({@link #applyAll}): {@code y [batch, time, hidden]}, {@code hN [batch, hidden]},
 * {@code cN [batch, hidden]}. With {@code lengths}, steps past a sequence's length give zero
 * output and keep the state; {@code reverse} runs each sequence from its own last step to step 0.
 */
public final class LstmSequence extends FusedRecurrence {

  private float[] c;
  /** {@code [B, T, H]}: c⟨t−1⟩ at each step. */
  private float[] cPrev;
  /** {@code [B, T, H]}: tanh(c⟨t⟩) at each step. */
  private float[] tanhC;
  private float[] dc;

  /**
   * An LSTM over full-length sequences, forward in time.
   */
  public LstmSequence() {
    this(false, null);
  }

  /**
   * @param reverse run from the last step to the first (the backward direction)
   * @param lengths per-sequence lengths in {@code [0, time]}, or null for full length
   */
  public LstmSequence(boolean reverse, int[] lengths) {
    super(4, 2, reverse, lengths);
  }

  @Override
  protected void projectionBias(float[] biasIh, float[] biasHh, float[] out) {
    K.add(biasIh, 0, biasHh, 0, out, 0, out.length);
  }

  @Override
  protected void begin(Tensor[] inputs) {
    c = inputs[2].toArray();
    cPrev = new float[s.batch * s.time * s.hidden];
    tanhC = new float[cPrev.length];
  }

  @Override
  protected void stepForward(int t) {
    int hh = s.hidden;
    int gw = 4 * hh;
    int ldg = s.time * gw;
    hiddenProduct(t, gates, t * gw, ldg, 1f);
    for (int b = 0; b < s.batch; b++) {
      if (!s.active(b, t)) {
        continue;
      }
      int g0 = b * ldg + t * gw;
      int row = (b * s.time + t) * hh;
      K.sigmoid(gates, g0, gates, g0, 2 * hh);
      K.tanh(gates, g0 + 2 * hh, gates, g0 + 2 * hh, hh);
      K.sigmoid(gates, g0 + 3 * hh, gates, g0 + 3 * hh, hh);
      int sb = b * hh;
      for (int j = 0; j < hh; j++) {
        float cOld = c[sb + j];
        cPrev[row + j] = cOld;
        float cNew = gates[g0 + hh + j] * cOld + gates[g0 + j] * gates[g0 + 2 * hh + j];
        c[sb + j] = cNew;
      }
      K.tanh(c, sb, tanhC, row, hh);
      for (int j = 0; j < hh; j++) {
        float hNew = gates[g0 + 3 * hh + j] * tanhC[row + j];
        h[sb + j] = hNew;
        y[row + j] = hNew;
      }
    }
  }

  @Override
  protected Tensor[] extraOutputs() {
    return new Tensor[] {Tensor.wrap(c.clone(), s.batch, s.hidden)};
  }

  @Override
  protected void beginBackward(Tensor[] outputGrads) {
    dc = outputGrads[2].toArray();
  }

  @Override
  protected void stepBackward(int t, float[] dy) {
    int hh = s.hidden;
    int gw = 4 * hh;
    int ldg = s.time * gw;
    for (int b = 0; b < s.batch; b++) {
      if (!s.active(b, t)) {
        continue;
      }
      int g0 = b * ldg + t * gw;
      int row = (b * s.time + t) * hh;
      int sb = b * hh;
      for (int j = 0; j < hh; j++) {
        float i = gates[g0 + j];
        float f = gates[g0 + hh + j];
        float g = gates[g0 + 2 * hh + j];
        float o = gates[g0 + 3 * hh + j];
        float tc = tanhC[row + j];
        float dhj = dh[sb + j] + dy[row + j];
        float dcj = dc[sb + j] + dhj * o * (1f - tc * tc);
        dGatesX[g0 + j] = dcj * g * i * (1f - i);
        dGatesX[g0 + hh + j] = dcj * cPrev[row + j] * f * (1f - f);
        dGatesX[g0 + 2 * hh + j] = dcj * i * (1f - g * g);
        dGatesX[g0 + 3 * hh + j] = dhj * tc * o * (1f - o);
        dc[sb + j] = dcj * f;
      }
    }
    hiddenBackProduct(t);
    for (int b = 0; b < s.batch; b++) {
      if (s.active(b, t)) {
        System.arraycopy(scratch, b * hh, dh, b * hh, hh);
      }
    }
  }

  @Override
  protected Tensor[] extraInputGrads() {
    return new Tensor[] {Tensor.wrap(dc, s.batch, s.hidden)};
  }
}
