package org.seqlearn.layers.recurrent;

import org.seqlearn.core.Tensor;

/**
 * The straightforward Rnn sequence this layer had before the blocked, step-parallel {@link
 * RnnSequence} (one GEMM per step through {@link FusedRecurrence}), kept as the reference the
 * fast one is compared against at sizes the PyTorch fixtures do not reach.
 */
final class ReferenceRnnSequence extends FusedRecurrence {

  private final RnnActivation activation;

  /** A tanh RNN over full-length sequences, forward in time. */
  ReferenceRnnSequence() {
    this(RnnActivation.TANH, false, null);
  }

  /**
   * @param activation the nonlinearity g
   * @param reverse run from the last step to the first (the backward direction)
   * @param lengths per-sequence lengths in {@code [0, time]}, or null for full length
   */
  ReferenceRnnSequence(RnnActivation activation, boolean reverse, int[] lengths) {
    super(1, 1, reverse, lengths);
    this.activation = activation;
  }

  @Override
  protected void projectionBias(float[] biasIh, float[] biasHh, float[] out) {
    K.add(biasIh, 0, biasHh, 0, out, 0, out.length);
  }

  @Override
  protected void begin(Tensor[] inputs) {}

  @Override
  protected void stepForward(int t) {
    int hh = s.hidden;
    int ldg = s.time * hh;
    hiddenProduct(t, gates, t * hh, ldg, 1f);
    for (int b = 0; b < s.batch; b++) {
      if (!s.active(b, t)) {
        continue;
      }
      int g0 = b * ldg + t * hh;
      if (activation == RnnActivation.TANH) {
        K.tanh(gates, g0, gates, g0, hh);
      } else {
        for (int j = 0; j < hh; j++) {
          gates[g0 + j] = Math.max(0f, gates[g0 + j]);
        }
      }
      System.arraycopy(gates, g0, h, b * hh, hh);
      System.arraycopy(gates, g0, y, g0, hh);
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
    int ldg = s.time * hh;
    boolean tanh = activation == RnnActivation.TANH;
    for (int b = 0; b < s.batch; b++) {
      if (!s.active(b, t)) {
        continue;
      }
      int g0 = b * ldg + t * hh;
      int sb = b * hh;
      for (int j = 0; j < hh; j++) {
        float a = gates[g0 + j];
        float d = dh[sb + j] + dy[g0 + j];
        dGatesX[g0 + j] = tanh ? d * (1f - a * a) : (a > 0f ? d : 0f);
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
    return new Tensor[0];
  }
}
