package org.seqlearn.layers;

import java.util.function.Function;
import org.seqlearn.core.GradCheck;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.ops.Ops;

/**
 * Core's {@link GradCheck} for functions with several outputs: the outputs are flattened and
 * joined into one vector, so the checked scalar is a fixed random weighting of all of them.
 */
public final class MultiOutputGradCheck {

  private MultiOutputGradCheck() {}

  /**
   * @param f builds the outputs from the inputs (a fresh graph each call)
   * @param eps finite-difference step
   * @param inputs leaves; those with requiresGrad are checked
   */
  public static void check(Function<Tensor[], Tensor[]> f, double eps, Tensor... inputs) {
    GradCheck.of(in -> flat(f.apply(in))).eps(eps).check(inputs);
  }

  private static Tensor flat(Tensor[] outputs) {
    Tensor[] parts = new Tensor[outputs.length];
    for (int i = 0; i < outputs.length; i++) {
      parts[i] = outputs[i].reshape(outputs[i].numel());
    }
    return Ops.concat(0, parts);
  }
}
