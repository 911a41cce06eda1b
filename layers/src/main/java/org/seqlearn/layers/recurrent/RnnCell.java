package org.seqlearn.layers.recurrent;

import org.seqlearn.core.Tensor;
import org.seqlearn.core.random.GlobalSeed;

/** One vanilla RNN step, like PyTorch's {@code nn.RNNCell}; equations in {@link RnnSequence}. */
public final class RnnCell extends RecurrentCell {

  private final RnnActivation activation;

  /** tanh, with biases; the seed is drawn from {@link GlobalSeed}. */
  public RnnCell(int inputSize, int hiddenSize) {
    this(inputSize, hiddenSize, RnnActivation.TANH, true, GlobalSeed.nextSeed());
  }

  /**
   * @param activation the nonlinearity g
   * @param bias whether the cell has {@code bias_ih} and {@code bias_hh}
   * @param seed seed of the initial weights
   */
  public RnnCell(int inputSize, int hiddenSize, RnnActivation activation, boolean bias,
      long seed) {
    super(1, inputSize, hiddenSize, bias, seed);
    this.activation = activation;
  }

  /**
   * One step: a⟨t⟩ = g(W_ih x⟨t⟩ + b_ih + W_hh a⟨t−1⟩ + b_hh).
   *
   * @param x {@code [batch, input]}
   * @param h a⟨t−1⟩ {@code [batch, hidden]}, or null for zeros
   * @return a⟨t⟩ {@code [batch, hidden]}
   */
  public Tensor forward(Tensor x, Tensor h) {
    return step(new RnnSequence(activation, false, null), x, h)[0];
  }

  /** Sets training mode (here and in sub-modules); returns this {@code RnnCell}. */
  @Override
  public RnnCell train(boolean on) {
    super.train(on);
    return this;
  }

  /** Training mode; returns this {@code RnnCell}. */
  @Override
  public RnnCell train() {
    return train(true);
  }

  /** Evaluation mode; returns this {@code RnnCell}. */
  @Override
  public RnnCell eval() {
    return train(false);
  }
}
