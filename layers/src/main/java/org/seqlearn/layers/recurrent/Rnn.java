package org.seqlearn.layers.recurrent;

import org.seqlearn.core.Function;
import org.seqlearn.core.Tensor;

/**
 * A multi-layer, optionally bidirectional vanilla RNN, equivalent to PyTorch's {@code nn.RNN}:
 * a⟨t⟩ = g(W_ih x⟨t⟩ + b_ih + W_hh a⟨t−1⟩ + b_hh) with g = tanh or relu.
 */
public final class Rnn extends RecurrentLayer {

  private final RnnActivation activation;

  /** One tanh layer, PyTorch defaults. */
  public Rnn(int inputSize, int hiddenSize) {
    this(inputSize, hiddenSize, RnnActivation.TANH, RecurrentOptions.defaults());
  }

  /**
   * @param activation the nonlinearity g
   * @param options layers, directions, merge, dropout, layout, bias, seed
   */
  public Rnn(int inputSize, int hiddenSize, RnnActivation activation, RecurrentOptions options) {
    super(1, inputSize, hiddenSize, options);
    this.activation = activation;
  }

  /** The nonlinearity g. */
  public RnnActivation activation() {
    return activation;
  }

  @Override
  Function sequence(boolean reverse, int[] lengths) {
    return new RnnSequence(activation, reverse, lengths);
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

  /** Sets training mode (here and in sub-modules); returns this {@code Rnn}. */
  @Override
  public Rnn train(boolean on) {
    super.train(on);
    return this;
  }

  /** Training mode; returns this {@code Rnn}. */
  @Override
  public Rnn train() {
    return train(true);
  }

  /** Evaluation mode; returns this {@code Rnn}. */
  @Override
  public Rnn eval() {
    return train(false);
  }
}
