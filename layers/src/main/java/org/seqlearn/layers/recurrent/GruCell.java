package org.seqlearn.layers.recurrent;

import org.seqlearn.core.Tensor;
import org.seqlearn.core.random.GlobalSeed;

/**
 * One GRU step, like PyTorch's {@code nn.GRUCell}; equations in {@link GruSequence} (or {@link
 * CourseGruSequence} for the course's form).
 */
public final class GruCell extends RecurrentCell {

  private final GruForm form;

  /** PyTorch's form, with biases; the seed is drawn from {@link GlobalSeed}. */
  public GruCell(int inputSize, int hiddenSize) {
    this(inputSize, hiddenSize, GruForm.PYTORCH, true, GlobalSeed.nextSeed());
  }

  /**
   * @param form PyTorch's GRU or the course's (reset before the matmul, Γu weighting c̃)
   * @param bias whether the cell has {@code bias_ih} and {@code bias_hh}
   * @param seed seed of the initial weights
   */
  public GruCell(int inputSize, int hiddenSize, GruForm form, boolean bias, long seed) {
    super(3, inputSize, hiddenSize, bias, seed);
    this.form = form;
  }

  /**
   * One step.
   *
   * @param x {@code [batch, input]}
   * @param h c⟨t−1⟩ {@code [batch, hidden]}, or null for zeros
   * @return c⟨t⟩ {@code [batch, hidden]}
   */
  public Tensor forward(Tensor x, Tensor h) {
    return step(form == GruForm.COURSE ? new CourseGruSequence() : new GruSequence(), x, h)[0];
  }

  /** Sets training mode (here and in sub-modules); returns this {@code GruCell}. */
  @Override
  public GruCell train(boolean on) {
    super.train(on);
    return this;
  }

  /** Training mode; returns this {@code GruCell}. */
  @Override
  public GruCell train() {
    return train(true);
  }

  /** Evaluation mode; returns this {@code GruCell}. */
  @Override
  public GruCell eval() {
    return train(false);
  }
}
