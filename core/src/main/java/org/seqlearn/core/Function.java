package org.seqlearn.core;

import java.util.Arrays;

/**
 * A differentiable operation: a forward computation and its hand-written backward.
 *
 * <p>This is how every built-in op is written, and how users add their own without touching
 * core. Create a new instance for each application (it may keep what backward needs in its own
 * fields), then call {@link #apply} or {@link #applyAll}:
 *
 * <!-- given: Tensor x -->
 * <pre>{@code
 * final class Square extends Function {
 *   private Tensor x;
 *   protected Tensor[] forward(Tensor... in) { x = in[0]; return out(x.mul(x)); }
 *   protected Tensor[] backward(Tensor... gradOut) { return out(gradOut[0].mul(x).mul(2f)); }
 * }
 * Tensor y = new Square().apply(x);
 * }</pre>
 *
 * <p>{@code forward} runs with graph recording off; its outputs are new tensors. When grad mode
 * is on and any input requires a gradient, the outputs get this function as their {@code
 * gradFn}. {@code backward} receives one gradient per output (zeros for outputs that did not
 * reach the loss), each shaped like its output, and returns one gradient per input, shaped like
 * that input, or {@code null} for inputs that need none (see {@link #needsInputGrad(int)}).
 * {@code backward} also runs with graph recording off (no second-order graph is built), so it may
 * use any tensor op freely. {@link GradCheck} tests a backward against finite differences.
 */
public abstract class Function {

  private boolean applied;
  private boolean[] needsInputGrad;

  /** Computes the outputs. Inputs are never modified. */
  protected abstract Tensor[] forward(Tensor... inputs);

  /**
   * Computes input gradients from output gradients.
   *
   * @param outputGrads one gradient per output, never null
   * @return one gradient per input (null where {@link #needsInputGrad(int)} is false)
   */
  protected abstract Tensor[] backward(Tensor... outputGrads);

  /** A short name for error messages; defaults to the simple class name. */
  public String name() {
    String simple = getClass().getSimpleName();
    return simple.isEmpty() ? getClass().getName() : simple;
  }

  /** Whether input {@code index} needs a gradient in this application. */
  protected final boolean needsInputGrad(int index) {
    return needsInputGrad != null && needsInputGrad[index];
  }

  /** Convenience for returning arrays: {@code return out(a, b);}. */
  protected static Tensor[] out(Tensor... tensors) {
    return tensors;
  }

  /** Applies a single-output function and returns its output. */
  public final Tensor apply(Tensor... inputs) {
    Tensor[] outputs = applyAll(inputs);
    if (outputs.length != 1) {
      throw new IllegalStateException(
          name() + " has " + outputs.length + " outputs; use applyAll");
    }
    return outputs[0];
  }

  /** Applies the function and returns all its outputs, recording the graph when needed. */
  public final Tensor[] applyAll(Tensor... inputs) {
    if (applied) {
      throw new IllegalStateException(name() + " was already applied; create a new instance");
    }
    applied = true;
    boolean record = false;
    boolean[] needs = new boolean[inputs.length];
    if (GradMode.isEnabled()) {
      for (int i = 0; i < inputs.length; i++) {
        if (inputs[i] == null) {
          throw new IllegalArgumentException(name() + ": input " + i + " is null");
        }
        needs[i] = inputs[i].requiresGrad();
        record |= needs[i];
      }
    }
    needsInputGrad = needs;
    Tensor[] outputs;
    try (GradMode.Scope ignored = GradMode.noGrad()) {
      outputs = forward(inputs);
    }
    if (outputs == null || outputs.length == 0) {
      throw new IllegalStateException(name() + ".forward returned no outputs");
    }
    if (record) {
      Node node = new Node(this, inputs.clone(), shapesOf(outputs));
      for (int i = 0; i < outputs.length; i++) {
        outputs[i] = outputs[i].attach(node, i);
      }
    }
    return outputs;
  }

  private static int[][] shapesOf(Tensor[] outputs) {
    int[][] shapes = new int[outputs.length][];
    for (int i = 0; i < outputs.length; i++) {
      shapes[i] = outputs[i].shape();
    }
    return shapes;
  }

  @Override
  public String toString() {
    return name() + (needsInputGrad == null ? "" : Arrays.toString(needsInputGrad));
  }
}
