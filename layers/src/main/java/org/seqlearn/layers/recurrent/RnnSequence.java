package org.seqlearn.layers.recurrent;

import org.seqlearn.core.Tensor;

/**
 * A whole vanilla RNN sequence as one fused differentiable op (PyTorch's {@code nn.RNN}):
 *
 * <pre>
 *   a⟨t⟩ = g(W_ih x⟨t⟩ + b_ih + W_hh a⟨t−1⟩ + b_hh),   g = tanh or relu
 * </pre>
 *
 * <p>Inputs: {@code x [batch, time, input], h0 [batch, hidden], weight_ih [hidden, input],
 * weight_hh [hidden, hidden], bias_ih [hidden], bias_hh [hidden]}. Outputs ({@link #applyAll}):
 * {@code y [batch, time, hidden]}, {@code hN [batch, hidden]}. Lengths and direction behave as in
 * {@link LstmSequence}.
 */
public final class RnnSequence extends BlockedRecurrence {

  private final RnnActivation activation;

  /** A tanh RNN over full-length sequences, forward in time. */
  public RnnSequence() {
    this(RnnActivation.TANH, false, null);
  }

  /**
   * @param activation the nonlinearity g
   * @param reverse run from the last step to the first (the backward direction)
   * @param lengths per-sequence lengths in {@code [0, time]}, or null for full length
   */
  public RnnSequence(RnnActivation activation, boolean reverse, int[] lengths) {
    super(1, 1, reverse, lengths);
    this.activation = activation;
  }

  @Override
  protected void begin(Tensor[] inputs) {}

  @Override
  protected void forwardRow(int jb, int j0, int w, int col, int cRow, int row, int sb,
      int gRow) {
    float[] a = cH;
    if (activation == RnnActivation.TANH) {
      K.tanh(a, cRow, h, sb, w);
    } else {
      for (int j = 0; j < w; j++) {
        h[sb + j] = Math.max(0f, a[cRow + j]);
      }
    }
    if (training) {
      System.arraycopy(h, sb, gates, gRow + col, w);
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
    boolean tanh = activation == RnnActivation.TANH;
    int g0 = gRow + col;
    for (int j = 0; j < w; j++) {
      float a = gates[g0 + j];
      float d = dh[sb + j] + dy[row + j];
      dGatesX[g0 + j] = tanh ? d * (1f - a * a) : (a > 0f ? d : 0f);
    }
  }

  @Override
  protected Tensor[] extraInputGrads() {
    return new Tensor[0];
  }
}
