package org.seqlearn.layers.nn;

import org.seqlearn.core.Tensor;
import org.seqlearn.layers.Module;

/**
 * A module that maps one tensor to one tensor, so that it can be chained in a {@link Sequential}
 * or applied per time step by {@link TimeDistributed}. Each subclass documents its shapes.
 */
public abstract class Layer extends Module {

  /** Applies the layer; records the autograd graph when grad mode is on. */
  public abstract Tensor forward(Tensor x);
}
