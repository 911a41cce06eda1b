package org.seqlearn.layers.recurrent;

import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.simd.GateKernels;

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
 * The peephole variant takes an eighth input, {@code weight_peephole [3, hidden]}.
 */
public final class LstmSequence extends BlockedRecurrence {

  /** The fused gate arithmetic, of the same family (Panama or scalar) as {@link #K}. */
  private static final GateKernels G = GateKernels.of(K);

  private final boolean peephole;
  /** {@code [3, H]}: peephole weights p_i, p_f, p_o on c⟨t−1⟩ (peephole variant only). */
  private float[] peep;
  private float[] dPeep;
  private float[] c;
  /** {@code [B, T, H]} (training): c⟨t−1⟩ at each step. */
  private float[] cPrev;
  /** {@code [B, T, H]} (training): tanh(c⟨t⟩) at each step. */
  private float[] tanhC;
  private float[] dc;

  /** An LSTM over full-length sequences, forward in time. */
  public LstmSequence() {
    this(false, null);
  }

  /**
   * @param reverse run from the last step to the first (the backward direction)
   * @param lengths per-sequence lengths in {@code [0, time]}, or null for full length
   */
  public LstmSequence(boolean reverse, int[] lengths) {
    this(reverse, lengths, false);
  }

  /**
   * @param reverse run from the last step to the first (the backward direction)
   * @param lengths per-sequence lengths in {@code [0, time]}, or null for full length
   * @param peephole the course's peephole variant: every gate also sees c⟨t−1⟩ through
   *     elementwise weights, {@code i = σ(… + p_i * c⟨t−1⟩)}, likewise f and o; the weights come
   *     as an eighth input {@code weight_peephole [3, hidden]} (rows p_i, p_f, p_o)
   */
  public LstmSequence(boolean reverse, int[] lengths, boolean peephole) {
    super(4, 2, reverse, lengths);
    this.peephole = peephole;
  }

  @Override
  protected int extraParameterCount() {
    return peephole ? 1 : 0;
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
    if (training) {
      cPrev = saved(s.batch * s.time * s.hidden);
      tanhC = saved(cPrev.length);
    }
  }

  @Override
  protected void forwardRow(int jb, int j0, int w, int col, int cRow, int row, int sb,
      int gRow) {
    float[] a = cH;
    if (peephole) {
      int hh = s.hidden;
      for (int j = 0; j < w; j++) {
        float cOld = c[sb + j];
        a[cRow + j] += peep[j0 + j] * cOld;
        a[cRow + w + j] += peep[hh + j0 + j] * cOld;
        a[cRow + 3 * w + j] += peep[2 * hh + j0 + j] * cOld;
      }
    }
    // Activations straight into the saved gates when training, else in place.
    G.lstmForward(w, a, cRow, training ? gates : a, training ? gRow + col : cRow, c, sb,
        training ? cPrev : null, row, training ? tanhC : null, row, h, sb);
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
  protected void backwardRow(int j0, int w, int col, int row, int sb, int gRow, int hRow,
      float[] dy) {
    int g0 = gRow + col;
    if (!peephole) {
      G.lstmBackward(w, gates, g0, tanhC, row, cPrev, row, dh, sb, dy, row, dc, sb, dGatesX, g0);
      return;
    }
    int hh = s.hidden;
    for (int j = 0; j < w; j++) {
      float i = gates[g0 + j];
      float f = gates[g0 + w + j];
      float g = gates[g0 + 2 * w + j];
      float o = gates[g0 + 3 * w + j];
      float tc = tanhC[row + j];
      float dhj = dh[sb + j] + dy[row + j];
      float dcj = dc[sb + j] + dhj * o * (1f - tc * tc);
      float cOld = cPrev[row + j];
      float di = dcj * g * i * (1f - i);
      float df = dcj * cOld * f * (1f - f);
      float dO = dhj * tc * o * (1f - o);
      dGatesX[g0 + j] = di;
      dGatesX[g0 + w + j] = df;
      dGatesX[g0 + 2 * w + j] = dcj * i * (1f - g * g);
      dGatesX[g0 + 3 * w + j] = dO;
      // The peephole terms: c⟨t−1⟩ also reached the gates through p_i, p_f, p_o.
      int u = j0 + j;
      dc[sb + j] = dcj * f + (di * peep[u] + df * peep[hh + u] + dO * peep[2 * hh + u]);
      dPeep[u] += di * cOld;
      dPeep[hh + u] += df * cOld;
      dPeep[2 * hh + u] += dO * cOld;
    }
  }

  @Override
  protected void endBackward() {
    cPrev = null;
    tanhC = null;
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
