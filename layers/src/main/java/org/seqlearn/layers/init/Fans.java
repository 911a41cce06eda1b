package org.seqlearn.layers.init;

import org.seqlearn.core.Shape;

/**
 * Fan-in and fan-out of a weight shape, computed exactly as PyTorch's {@code
 * _calculate_fan_in_and_fan_out}: for {@code [out, in, k...]} the receptive field is the product
 * of the trailing dims, {@code fanIn = in * receptive} and {@code fanOut = out * receptive}. So a
 * linear weight {@code [out, in]} has fans (in, out) and a conv weight {@code [out, in, k]} has
 * fans (in * k, out * k).
 *
 * @param fanIn inputs feeding each output unit
 * @param fanOut outputs each input unit feeds
 */
public record Fans(int fanIn, int fanOut) {

  /**
   * Fans of a weight of the given shape.
   *
   * @throws IllegalArgumentException if the shape has fewer than 2 dimensions
   */
  public static Fans of(int... shape) {
    if (shape.length < 2) {
      throw new IllegalArgumentException("fan in and fan out need a weight of at least 2 "
          + "dimensions [out, in, ...], got shape " + Shape.format(shape));
    }
    int receptive = 1;
    for (int d = 2; d < shape.length; d++) {
      receptive *= shape[d];
    }
    return new Fans(shape[1] * receptive, shape[0] * receptive);
  }

  /** The fan selected by {@code mode}. */
  public int get(FanMode mode) {
    return mode == FanMode.FAN_IN ? fanIn : fanOut;
  }
}
