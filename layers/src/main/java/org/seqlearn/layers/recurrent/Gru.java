package org.seqlearn.layers.recurrent;

import org.seqlearn.core.Function;
import org.seqlearn.core.Tensor;

/**
 * A multi-layer, optionally bidirectional GRU, equivalent to PyTorch's {@code nn.GRU} (gate order
 * r, z, n: reset gate Γr, update gate z = 1 − Γu, candidate c̃; reset applied after the hidden
 * matmul).
 * See {@link GruSequence} for the equations and {@link RecurrentOptions} for the options; {@link
 * GruForm#COURSE} selects the course's form instead ({@link CourseGruSequence}).
 */
public final class Gru extends RecurrentLayer {

  private final GruForm form;

  /** One layer, PyTorch defaults. */
  public Gru(int inputSize, int hiddenSize) {
    this(inputSize, hiddenSize, RecurrentOptions.defaults());
  }

  /** @param options layers, directions, merge, dropout, layout, bias, seed */
  public Gru(int inputSize, int hiddenSize, RecurrentOptions options) {
    this(inputSize, hiddenSize, GruForm.PYTORCH, options);
  }

  /**
   * @param form PyTorch's GRU or the course's (reset before the matmul, Γu weighting c̃)
   * @param options layers, directions, merge, dropout, layout, bias, seed
   */
  public Gru(int inputSize, int hiddenSize, GruForm form, RecurrentOptions options) {
    super(3, inputSize, hiddenSize, options);
    this.form = form;
  }

  /** The GRU form this layer computes. */
  public GruForm form() {
    return form;
  }

  @Override
  Function sequence(boolean reverse, int[] lengths) {
    return form == GruForm.COURSE
        ? new CourseGruSequence(reverse, lengths) : new GruSequence(reverse, lengths);
  }

  @Override
  int stateCount() {
    return 1;
  }

  /**
   * Runs the stack from the given state.
   *
   * @param x {@code [batch, time, input]} when batch-first, else {@code [time, batch, input]}
   * @param lengths per-sequence lengths in {@code [0, time]}, or null for full length
   * @param h0 {@code [numLayers * numDirections, batch, hidden]} or null for zeros
   */
  public RecurrentOutput forward(Tensor x, int[] lengths, Tensor h0) {
    return run(x, lengths, h0, null);
  }

  /** Sets training mode (here and in sub-modules); returns this {@code Gru}. */
  @Override
  public Gru train(boolean on) {
    super.train(on);
    return this;
  }

  /** Training mode; returns this {@code Gru}. */
  @Override
  public Gru train() {
    return train(true);
  }

  /** Evaluation mode; returns this {@code Gru}. */
  @Override
  public Gru eval() {
    return train(false);
  }
}
