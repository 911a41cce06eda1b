package org.seqlearn.layers.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.seqlearn.core.Tensor;

/**
 * Layers applied in order, PyTorch's {@code nn.Sequential}: the output of each is the input of
 * the next, and their parameters are named {@code 0.weight}, {@code 1.bias}, ... by position.
 * Shapes are those of the first layer's input and the last layer's output.
 *
 * <!-- given: Tensor x -->
 * <pre>{@code
 * Sequential mlp = new Sequential(new Linear(4, 16), new Relu(), new Linear(16, 3));
 * Tensor logits = mlp.forward(x);   // [batch, 4] -> [batch, 3]
 * }</pre>
 */
public final class Sequential extends Layer {

  private final List<Layer> layers = new ArrayList<>();

  /** @param layers at least one layer */
  public Sequential(Layer... layers) {
    if (layers.length == 0) {
      throw new IllegalArgumentException("Sequential needs at least one layer, got 0");
    }
    for (Layer layer : layers) {
      add(layer);
    }
  }

  /** Appends a layer, named by its position. */
  public Sequential add(Layer layer) {
    if (layer == null) {
      throw new IllegalArgumentException("layer " + layers.size() + " is null");
    }
    registerModule(Integer.toString(layers.size()), layer);
    layers.add(layer);
    return this;
  }

  @Override
  public Tensor forward(Tensor x) {
    Tensor y = x;
    for (Layer layer : layers) {
      y = layer.forward(y);
    }
    return y;
  }

  /** The layer at {@code index}. */
  public Layer get(int index) {
    return layers.get(index);
  }

  /** The number of layers. */
  public int size() {
    return layers.size();
  }

  /** The layers in order (unmodifiable). */
  public List<Layer> layers() {
    return Collections.unmodifiableList(layers);
  }

  @Override
  public String toString() {
    return "Sequential" + layers;
  }

  /** Sets training mode (here and in sub-modules); returns this {@code Sequential}. */
  @Override
  public Sequential train(boolean on) {
    super.train(on);
    return this;
  }

  /** Training mode; returns this {@code Sequential}. */
  @Override
  public Sequential train() {
    return train(true);
  }

  /** Evaluation mode; returns this {@code Sequential}. */
  @Override
  public Sequential eval() {
    return train(false);
  }
}
