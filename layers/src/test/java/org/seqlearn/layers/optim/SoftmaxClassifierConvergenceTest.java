package org.seqlearn.layers.optim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqlearn.core.IntTensor;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.random.Rng;
import org.seqlearn.layers.loss.CrossEntropyLoss;

/** End to end: Adam and cross-entropy fit a linear softmax classifier on separable blobs. */
class SoftmaxClassifierConvergenceTest {

  private static final int FEATURES = 4;
  private static final int CLASSES = 3;
  private static final int SAMPLES = 150;

  @Test
  void adamFitsSeparableBlobs() {
    Rng rng = new Rng(42L);
    float[][] centers = new float[CLASSES][FEATURES];
    for (float[] center : centers) {
      for (int f = 0; f < FEATURES; f++) {
        center[f] = (float) (4 * rng.nextGaussian());
      }
    }
    float[] x = new float[SAMPLES * FEATURES];
    int[] y = new int[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      y[i] = i % CLASSES;
      for (int f = 0; f < FEATURES; f++) {
        x[i * FEATURES + f] = centers[y[i]][f] + (float) (0.5 * rng.nextGaussian());
      }
    }
    Tensor inputs = Tensor.wrap(x, SAMPLES, FEATURES);
    IntTensor targets = IntTensor.vector(y);
    Tensor weight = Tensor.normal(0f, 0.01f, 7L, FEATURES, CLASSES).requiresGrad(true);
    Tensor bias = Tensor.zeros(CLASSES).requiresGrad(true);
    Optimizer adam = new Adam(List.of(weight, bias), 0.05);
    CrossEntropyLoss ce = new CrossEntropyLoss();

    float first = Float.NaN;
    float last = Float.NaN;
    for (int step = 0; step < 100; step++) {
      adam.zeroGrad();
      Tensor loss = ce.apply(inputs.matmul(weight).add(bias), targets);
      loss.backward();
      adam.step();
      last = loss.item();
      if (step == 0) {
        first = last;
      }
    }
    int[] predicted = inputs.matmul(weight).add(bias).argmax(1).toArray();
    int correct = 0;
    for (int i = 0; i < SAMPLES; i++) {
      correct += predicted[i] == y[i] ? 1 : 0;
    }
    assertThat(last).isLessThan(0.1f * first);
    assertThat((double) correct / SAMPLES).isGreaterThanOrEqualTo(0.98);
  }
}
