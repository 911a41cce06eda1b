package org.seqlearn.layers.nn;

import java.util.Arrays;
import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;

/**
 * Applies a layer at every time step (Keras's {@code TimeDistributed}) by folding time into the
 * batch: {@code [batch, time, ...]} is reshaped to {@code [batch * time, ...]}, the inner layer
 * runs once, and its output {@code [batch * time, ...out]} is unfolded to {@code [batch, time,
 * ...out]}. The inner layer's parameters appear under {@code module.}.
 */
public final class TimeDistributed extends Layer {

  private final Layer inner;

  /** @param inner the layer for one step, taking {@code [batch, ...]} */
  public TimeDistributed(Layer inner) {
    if (inner == null) {
      throw new IllegalArgumentException("inner layer must not be null");
    }
    this.inner = registerModule("module", inner);
  }

  /** {@code [batch, time, ...] -> [batch, time, ...out]}. */
  @Override
  public Tensor forward(Tensor x) {
    if (x.rank() < 3) {
      throw new IllegalArgumentException("TimeDistributed: expected input [batch, time, ...] "
          + "with at least 3 dims, got " + Shape.format(x.shape()));
    }
    int[] shape = x.shape();
    int[] folded = new int[shape.length - 1];
    folded[0] = shape[0] * shape[1];
    System.arraycopy(shape, 2, folded, 1, shape.length - 2);
    Tensor y = inner.forward(x.reshape(folded));
    int[] yShape = y.shape();
    int[] out = new int[yShape.length + 1];
    out[0] = shape[0];
    out[1] = shape[1];
    System.arraycopy(yShape, 1, out, 2, yShape.length - 1);
    if (yShape.length == 0 || yShape[0] != folded[0]) {
      throw new IllegalStateException("TimeDistributed: inner layer returned "
          + Arrays.toString(yShape) + ", expected a leading dim of " + folded[0]);
    }
    return y.reshape(out);
  }

  /** The wrapped layer. */
  public Layer inner() {
    return inner;
  }

  @Override
  public String toString() {
    return "TimeDistributed(" + inner + ")";
  }

  /** Sets training mode (here and in sub-modules); returns this {@code TimeDistributed}. */
  @Override
  public TimeDistributed train(boolean on) {
    super.train(on);
    return this;
  }

  /** Training mode; returns this {@code TimeDistributed}. */
  @Override
  public TimeDistributed train() {
    return train(true);
  }

  /** Evaluation mode; returns this {@code TimeDistributed}. */
  @Override
  public TimeDistributed eval() {
    return train(false);
  }
}
