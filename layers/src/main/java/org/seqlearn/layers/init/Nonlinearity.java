package org.seqlearn.layers.init;

/**
 * The nonlinearity a layer's output goes through, for the recommended gain of PyTorch's {@code
 * nn.init.calculate_gain}.
 */
public enum Nonlinearity {
  /** Gain 1 (also right for convolutions and sigmoid). */
  LINEAR,
  /** Gain 1. */
  SIGMOID,
  /** Gain 5/3. */
  TANH,
  /** Gain √2. */
  RELU,
  /** Gain √(2 / (1 + a²)) for negative slope {@code a}. */
  LEAKY_RELU,
  /** Gain 3/4. */
  SELU;

  /**
   * The recommended gain.
   *
   * @param negativeSlope the slope {@code a} of a leaky ReLU (ignored by the others)
   */
  public double gain(double negativeSlope) {
    return switch (this) {
      case LINEAR, SIGMOID -> 1.0;
      case TANH -> 5.0 / 3.0;
      case RELU -> Math.sqrt(2.0);
      case LEAKY_RELU -> Math.sqrt(2.0 / (1 + negativeSlope * negativeSlope));
      case SELU -> 0.75;
    };
  }
}
