package org.seqlearn.layers.recurrent;

import org.seqlearn.core.Tensor;
import org.seqlearn.core.random.GlobalSeed;

/** One LSTM step, like PyTorch's {@code nn.LSTMCell}; equations in {@link LstmSequence}. */
public final class LstmCell extends RecurrentCell {

  /** With biases; the seed is drawn from {@link GlobalSeed}. */
  public LstmCell(int inputSize, int hiddenSize) {
    this(inputSize, hiddenSize, true, GlobalSeed.nextSeed());
  }

  /**
   * @param bias whether the cell has {@code bias_ih} and {@code bias_hh}
   * @param seed seed of the initial weights
   */
  public LstmCell(int inputSize, int hiddenSize, boolean bias, long seed) {
    super(4, inputSize, hiddenSize, bias, seed);
  }

  /**
   * One step.
   *
   * @param x {@code [batch, input]}
   * @param h a⟨t−1⟩ {@code [batch, hidden]}, or null for zeros
   * @param c c⟨t−1⟩ {@code [batch, hidden]}, or null for zeros
   * @return {@code {a⟨t⟩, c⟨t⟩}}, each {@code [batch, hidden]}
   */
  public Tensor[] forward(Tensor x, Tensor h, Tensor c) {
    return step(new LstmSequence(), x, h, c);
  }

  /** Sets training mode (here and in sub-modules); returns this {@code LstmCell}. */
  @Override
  public LstmCell train(boolean on) {
    super.train(on);
    return this;
  }

  /** Training mode; returns this {@code LstmCell}. */
  @Override
  public LstmCell train() {
    return train(true);
  }

  /** Evaluation mode; returns this {@code LstmCell}. */
  @Override
  public LstmCell eval() {
    return train(false);
  }
}
