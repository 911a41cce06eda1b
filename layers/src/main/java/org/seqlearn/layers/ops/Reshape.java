package org.seqlearn.layers.ops;

import org.seqlearn.core.Function;
import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;

/** The same elements in row-major order under a new shape of equal element count. */
public final class Reshape extends Function {

  private final int[] target;
  private int[] source;

  /** @param shape the new shape */
  public Reshape(int... shape) {
    this.target = shape.clone();
  }

  @Override
  protected Tensor[] forward(Tensor... in) {
    source = in[0].shape();
    if (Shape.numel(target) != in[0].numel()) {
      throw new IllegalArgumentException("reshape: cannot view " + Shape.format(source) + " ("
          + in[0].numel() + " elements) as " + Shape.format(target));
    }
    return out(Tensor.fromArray(in[0].data(), target));
  }

  @Override
  protected Tensor[] backward(Tensor... g) {
    return out(Tensor.wrap(g[0].data(), source));
  }
}
