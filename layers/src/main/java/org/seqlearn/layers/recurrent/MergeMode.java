package org.seqlearn.layers.recurrent;

/**
 * How a bidirectional layer combines its forward a→⟨t⟩ and backward a←⟨t⟩ outputs; the next
 * layer of a stack reads the merged features.
 */
public enum MergeMode {
  /** {@code [a→, a←]}: {@code 2 * hidden} features (PyTorch's only mode). */
  CONCAT,
  /** {@code a→ + a←}. */
  SUM,
  /** {@code a→ * a←}. */
  MUL,
  /** {@code (a→ + a←) / 2}. */
  AVERAGE
}
