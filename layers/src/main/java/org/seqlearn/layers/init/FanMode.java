package org.seqlearn.layers.init;

/** Which fan a He (Kaiming) initialiser preserves the variance of (PyTorch's {@code mode}). */
public enum FanMode {
  /** Preserves the variance of activations in the forward pass (PyTorch's default). */
  FAN_IN,
  /** Preserves the variance of gradients in the backward pass. */
  FAN_OUT
}
