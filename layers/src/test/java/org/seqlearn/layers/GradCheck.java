package org.seqlearn.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import org.assertj.core.data.Offset;
import org.seqlearn.core.GradMode;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.random.Rng;

/**
 * Central-difference gradient check: compares the autograd gradients of {@code L = Σ w · out}
 * (fixed random weights over every output) with {@code (L(p + ε) − L(p − ε)) / 2ε}, the loss
 * accumulated in double.
 */
public final class GradCheck {

  private GradCheck() {}

  /**
   * @param f builds the outputs from the inputs (a fresh graph each call)
   * @param inputs leaves; those with requiresGrad are checked
   */
  public static void check(Function<Tensor[], Tensor[]> f, double eps, double tolerance,
      Tensor... inputs) {
    Tensor[] outs = f.apply(inputs);
    Rng rng = new Rng(99);
    Tensor[] w = new Tensor[outs.length];
    for (int k = 0; k < outs.length; k++) {
      w[k] = Tensor.normal(0f, 1f, rng, outs[k].shape());
    }
    for (Tensor in : inputs) {
      in.zeroGrad();
    }
    new WeightedSum(w).apply(outs).backward();
    for (int n = 0; n < inputs.length; n++) {
      Tensor in = inputs[n];
      if (!in.requiresGrad()) {
        continue;
      }
      float[] d = in.data();
      float[] analytic = in.grad() == null ? new float[d.length] : in.grad().data();
      for (int i = 0; i < d.length; i++) {
        float saved = d[i];
        d[i] = (float) (saved + eps);
        double plus = loss(f, w, inputs);
        d[i] = (float) (saved - eps);
        double minus = loss(f, w, inputs);
        d[i] = saved;
        double numeric = (plus - minus) / (2 * eps);
        assertThat(analytic[i])
            .as("d loss / d input %d [%d]", n, i)
            .isCloseTo((float) numeric,
                Offset.offset((float) (tolerance * (1 + Math.abs(numeric)))));
      }
    }
  }

  private static double loss(Function<Tensor[], Tensor[]> f, Tensor[] w, Tensor[] inputs) {
    try (GradMode.Scope ignored = GradMode.noGrad()) {
      return WeightedSum.value(w, f.apply(inputs));
    }
  }
}
