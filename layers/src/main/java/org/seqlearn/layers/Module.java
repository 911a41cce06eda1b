package org.seqlearn.layers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;

/**
 * A building block of a model, shaped like PyTorch's {@code nn.Module}: it owns named parameters
 * and named sub-modules, has a train/eval flag, and saves and loads its parameters as a state dict
 * whose keys are dotted paths ({@code encoder.weight_ih_l0}).
 */
public abstract class Module {

  private final Map<String, Tensor> parameters = new LinkedHashMap<>();
  private final Map<String, Module> children = new LinkedHashMap<>();
  private boolean training = true;

  /**
   * Registers {@code value} as a parameter (a leaf that requires grad) under {@code name}.
   *
   * @return the parameter
   */
  protected final Tensor registerParameter(String name, Tensor value) {
    checkName(name);
    parameters.put(name, value.requiresGrad(true));
    return value;
  }

  /** Registers a sub-module whose parameters appear under {@code name + "."}. */
  protected final <M extends Module> M registerModule(String name, M module) {
    checkName(name);
    children.put(name, module);
    return module;
  }

  private void checkName(String name) {
    if (name.isEmpty() || name.contains(".")) {
      throw new IllegalArgumentException("a parameter or module name must be non-empty and "
          + "contain no '.', got '" + name + "'");
    }
    if (parameters.containsKey(name) || children.containsKey(name)) {
      throw new IllegalArgumentException("'" + name + "' is already registered");
    }
  }

  /** Every parameter, by dotted name, in registration order (own first, then sub-modules). */
  public final Map<String, Tensor> namedParameters() {
    Map<String, Tensor> out = new LinkedHashMap<>(parameters);
    for (Map.Entry<String, Module> child : children.entrySet()) {
      for (Map.Entry<String, Tensor> p : child.getValue().namedParameters().entrySet()) {
        out.put(child.getKey() + "." + p.getKey(), p.getValue());
      }
    }
    return out;
  }

  /** Every parameter, in the order of {@link #namedParameters()}. */
  public final List<Tensor> parameters() {
    return new ArrayList<>(namedParameters().values());
  }

  /** Clears the gradient of every parameter. */
  public final void zeroGrad() {
    for (Tensor p : parameters()) {
      p.zeroGrad();
    }
  }

  /** Whether this module is in training mode (dropout active); true after construction. */
  public final boolean isTraining() {
    return training;
  }

  /** Sets training mode here and in every sub-module. */
  public Module train(boolean on) {
    training = on;
    for (Module child : children.values()) {
      child.train(on);
    }
    return this;
  }

  /** Training mode. */
  public final Module train() {
    return train(true);
  }

  /** Evaluation mode (no dropout). */
  public final Module eval() {
    return train(false);
  }

  /** A snapshot of every parameter's values by dotted name (copies, not in any graph). */
  public final Map<String, Tensor> stateDict() {
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (Map.Entry<String, Tensor> p : namedParameters().entrySet()) {
      out.put(p.getKey(), Tensor.fromArray(p.getValue().data(), p.getValue().shape()));
    }
    return out;
  }

  /**
   * Copies values into the parameters, in place (references to the parameters stay valid).
   * Strict: the keys must be exactly those of {@link #stateDict()} with the same shapes.
   *
   * @throws IllegalArgumentException listing every missing, unexpected and mis-shaped key; no
   *     parameter is changed in that case
   */
  public final void loadStateDict(Map<String, Tensor> state) {
    Map<String, Tensor> own = namedParameters();
    TreeSet<String> missing = new TreeSet<>(own.keySet());
    missing.removeAll(state.keySet());
    TreeSet<String> unexpected = new TreeSet<>(state.keySet());
    unexpected.removeAll(own.keySet());
    List<String> misShaped = new ArrayList<>();
    for (Map.Entry<String, Tensor> p : own.entrySet()) {
      Tensor v = state.get(p.getKey());
      if (v != null && !Arrays.equals(v.shape(), p.getValue().shape())) {
        misShaped.add(p.getKey() + ": expected " + Shape.format(p.getValue().shape()) + ", got "
            + Shape.format(v.shape()));
      }
    }
    if (!missing.isEmpty() || !unexpected.isEmpty() || !misShaped.isEmpty()) {
      throw new IllegalArgumentException("loadStateDict(" + getClass().getSimpleName()
          + "): missing keys " + missing + ", unexpected keys " + unexpected
          + ", mis-shaped keys " + misShaped);
    }
    for (Map.Entry<String, Tensor> p : own.entrySet()) {
      float[] src = state.get(p.getKey()).data();
      System.arraycopy(src, 0, p.getValue().data(), 0, src.length);
    }
  }
}
