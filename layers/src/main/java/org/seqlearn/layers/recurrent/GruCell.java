package org.seqlearn.layers.recurrent;

import org.seqlearn.core.Tensor;

/** One GRU step, like PyTorch's {@code nn.GRUCell}; equations in {@link GruSequence}. */
public final class GruCell extends RecurrentCell {

  /** With biases, seed 0. */
  public GruCell(int inputSize, int hiddenSize) {
    this(inputSize, hiddenSize, true, 0L);
  }

  /**
   * @param bias whether the cell has {@code bias_ih} and {@code bias_hh}
   * @param seed seed of the initial weights
   */
  public GruCell(int inputSize, int hiddenSize, boolean bias, long seed) {
    super(3, inputSize, hiddenSize, bias, seed);
  }

  /**
   * One step.
   *
   * @param x {@code [batch, input]}
   * @param h c⟨t−1⟩ {@code [batch, hidden]}, or null for zeros
   * @return c⟨t⟩ {@code [batch, hidden]}
   */
  public Tensor forward(Tensor x, Tensor h) {
    return step(new GruSequence(), x, h)[0];
  }
}
