package org.seqlearn.layers;

import java.util.List;

/**
 * What a non-strict {@link Module#loadStateDict(java.util.Map, boolean)} left out, PyTorch's
 * {@code _IncompatibleKeys}: the module's keys the state dict did not have (they kept their
 * values) and the state dict's keys the module does not have (they were ignored). Both sorted.
 *
 * @param missingKeys keys of the module absent from the state dict
 * @param unexpectedKeys keys of the state dict absent from the module
 */
public record IncompatibleKeys(List<String> missingKeys, List<String> unexpectedKeys) {

  /** Copies both lists. */
  public IncompatibleKeys {
    missingKeys = List.copyOf(missingKeys);
    unexpectedKeys = List.copyOf(unexpectedKeys);
  }

  /** Whether every key matched. */
  public boolean isEmpty() {
    return missingKeys.isEmpty() && unexpectedKeys.isEmpty();
  }
}
