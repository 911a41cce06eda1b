package org.seqlearn.layers.recurrent;

/** The nonlinearity g of a vanilla RNN, a⟨t⟩ = g(W_ax x⟨t⟩ + W_aa a⟨t−1⟩ + b). */
public enum RnnActivation {
  /** tanh, the course's and PyTorch's default. */
  TANH,
  /** max(0, ·). */
  RELU
}
