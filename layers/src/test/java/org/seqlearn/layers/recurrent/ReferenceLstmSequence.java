package org.seqlearn.layers.recurrent;

import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;

/**
 * The straightforward Lstm sequence this layer had before the blocked, step-parallel {@link
 * LstmSequence} (one GEMM per step through {@link FusedRecurrence}), kept as the reference the
 * fast one is compared against at sizes the PyTorch fixtures do not reach.
 */
final class ReferenceLstmSequence extends FusedRecurrence {

  private final boolean peephole;
  /** {@code [3, H]}: peephole weights p_i, p_f, p_o on c⟨t−1⟩ (peephole variant only). */
  private float[] peep;
  private float[] dPeep;
  private float[] c;
  /** {@code [B, T, H]}: c⟨t−1⟩ at each step. */
  private float[] cPrev;
  /** {@code [B, T, H]}: tanh(c⟨t⟩) at each step. */
  private float[] tanhC;
  private float[] dc;

  /** An LSTM over full-length sequences, forward in time. */
  ReferenceLstmSequence() {
    this(false, null);
  }

  /**
   * @param reverse run from the last step to the first (the backward direction)
   * @param lengths per-sequence lengths in {@code [0, time]}, or null for full length
   */
  ReferenceLstmSequence(boolean reverse, int[] lengths) {
    this(reverse, lengths, false);
  }

  /**
   * @param reverse run from the last step to the first (the backward direction)
   * @param lengths per-sequence lengths in {@code [0, time]}, or null for full length
   * @param peephole the course's peephole variant: every gate also sees c⟨t−1⟩ through
   *     elementwise weights, {@code i = σ(… + p_i * c⟨t−1⟩)}, likewise f and o; the weights come
   *     as an eighth input {@code weight_peephole [3, hidden]} (rows p_i, p_f, p_o)
   */
  ReferenceLstmSequence(boolean reverse, int[] lengths, boolean peephole) {
    super(4, 2, reverse, lengths);
    this.peephole = peephole;
  }

  @Override
  protected int extraParameterCount() {
    return peephole ? 1 : 0;
  }

  @Override
  protected void projectionBias(float[] biasIh, float[] biasHh, float[] out) {
    K.add(biasIh, 0, biasHh, 0, out, 0, out.length);
  }

  @Override
  protected void begin(Tensor[] inputs) {
    if (peephole) {
      Tensor p = inputs[7];
      if (p.rank() != 2 || p.dim(0) != 3 || p.dim(1) != s.hidden) {
        throw new IllegalArgumentException(name() + ": weight_peephole must be [3, " + s.hidden
            + "], got " + Shape.format(p.shape()));
      }
      peep = p.data();
    }
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
      if (peephole) {
        for (int j = 0; j < hh; j++) {
          float cOld = c[b * hh + j];
          gates[g0 + j] += peep[j] * cOld;
          gates[g0 + hh + j] += peep[hh + j] * cOld;
          gates[g0 + 3 * hh + j] += peep[2 * hh + j] * cOld;
        }
      }
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
    dPeep = peephole ? new float[3 * s.hidden] : null;
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
        float cOld = cPrev[row + j];
        float di = dcj * g * i * (1f - i);
        float df = dcj * cOld * f * (1f - f);
        float dO = dhj * tc * o * (1f - o);
        dGatesX[g0 + j] = di;
        dGatesX[g0 + hh + j] = df;
        dGatesX[g0 + 2 * hh + j] = dcj * i * (1f - g * g);
        dGatesX[g0 + 3 * hh + j] = dO;
        float dcOld = dcj * f;
        if (peephole) {
          dcOld += di * peep[j] + df * peep[hh + j] + dO * peep[2 * hh + j];
          dPeep[j] += di * cOld;
          dPeep[hh + j] += df * cOld;
          dPeep[2 * hh + j] += dO * cOld;
        }
        dc[sb + j] = dcOld;
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
  protected Tensor[] extraParameterGrads() {
    return peephole ? new Tensor[] {Tensor.wrap(dPeep, 3, s.hidden)} : new Tensor[0];
  }

  @Override
  protected Tensor[] extraInputGrads() {
    return new Tensor[] {Tensor.wrap(dc, s.batch, s.hidden)};
  }
}
