package org.seqlearn.attention;

import org.seqlearn.core.Tensor;

/** The activation after one dense layer of the additive attention's scorer. */
public enum ScoreActivation {
  /** {@code tanh(x)}, the course's first layer. */
  TANH,
  /** {@code max(x, 0)}, the course's score layer. */
  RELU,
  /** {@code 1 / (1 + e^-x)}. */
  SIGMOID,
  /** The identity (Bahdanau's original score layer {@code vᵀ tanh(…)}). */
  LINEAR;

  /** Applies the activation; same shape. */
  public Tensor apply(Tensor x) {
    return switch (this) {
      case TANH -> x.tanh();
      case RELU -> x.relu();
      case SIGMOID -> x.sigmoid();
      case LINEAR -> x;
    };
  }
}
