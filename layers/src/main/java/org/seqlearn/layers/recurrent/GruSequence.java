package org.seqlearn.layers.recurrent;

import org.seqlearn.core.Tensor;
import org.seqlearn.core.simd.GateKernels;

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

  /** The fused gate arithmetic, of the same family (Panama or scalar) as {@link #K}. */
  private static final GateKernels G = GateKernels.of(K);

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
    // The candidate's hidden part in cH and input part in cX, at the same column.
    int n0 = cRow + splitShift(jb);
    G.gruForward(w, cH, cRow, cH, n0, cX, n0, h, sb, training ? gates : null, gRow + col,
        training ? hiddenCandidate : null, row);
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
    G.gruBackward(w, gates, g0, hiddenCandidate, row, hx, hRow, dh, sb, dy, row, dGatesX, g0,
        dGatesH, g0);
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
