package org.seqlearn.layers.train;

import java.util.Map;

/**
 * What one epoch produced.
 *
 * @param epoch the epoch, from 1
 * @param step the global optimizer step count at its end
 * @param metrics {@code loss} and each training metric, and with validation {@code val_loss}
 *     and {@code val_<metric>}; insertion ordered
 * @param learningRate the optimizer's rate at the end of the epoch
 * @param seconds wall time of the epoch including validation
 */
public record EpochResult(int epoch, long step, Map<String, Double> metrics, double learningRate,
    double seconds) {

  /** A metric by name. */
  public double metric(String name) {
    Double v = metrics.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no metric '" + name + "', have " + metrics.keySet());
    }
    return v;
  }
}
