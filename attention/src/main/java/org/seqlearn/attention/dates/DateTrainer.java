package org.seqlearn.attention.dates;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.seqlearn.attention.seq2seq.DecoderOutput;
import org.seqlearn.core.IntTensor;
import org.seqlearn.core.Tensor;
import org.seqlearn.layers.loss.CrossEntropyLoss;
import org.seqlearn.layers.optim.Adam;
import org.seqlearn.layers.optim.GradClipping;

/**
 * Trains a {@link DateTranslator} with Adam on freshly drawn training examples (a random training
 * date in a random format each time), checking the validation accuracy every {@code evalEvery}
 * steps and stopping once it reaches the target or the step budget is spent.
 */
public final class DateTrainer {

  /** Settings of a run. */
  public record Settings(int batchSize, double learningRate, int maxSteps, int evalEvery,
      double targetAccuracy, long seed) {

    /** Batch 100, Adam 0.005 (the course's), evaluation every 200 steps, target 99.5 %. */
    public static Settings defaults(int maxSteps, long seed) {
      return new Settings(100, 0.005, maxSteps, 200, 0.995, seed);
    }
  }

  /** Progress after an evaluation. */
  public record Progress(int step, double loss, double validationAccuracy, long elapsedMillis) {}

  private final DateTranslator translator;
  private final DateSplits splits;
  private final Settings settings;

  public DateTrainer(DateTranslator translator, DateSplits splits, Settings settings) {
    this.translator = translator;
    this.splits = splits;
    this.settings = settings;
  }

  /**
   * Trains; calls {@code onProgress} after each evaluation.
   *
   * @return the last progress
   */
  public Progress train(Consumer<Progress> onProgress) {
    long start = System.nanoTime();
    Random rng = new Random(settings.seed());
    Adam adam = new Adam(translator.model().parameters(), settings.learningRate());
    CrossEntropyLoss ce = new CrossEntropyLoss().withClassAxis(-1);
    IntTensor[] targets = new IntTensor[1];
    double lossSum = 0;
    int lossCount = 0;
    Progress last = new Progress(0, Double.NaN, 0, 0);
    for (int step = 1; step <= settings.maxSteps(); step++) {
      translator.model().train();
      List<DateExample> batch = new ArrayList<>(settings.batchSize());
      for (int i = 0; i < settings.batchSize(); i++) {
        batch.add(splits.drawTraining(rng));
      }
      adam.zeroGrad();
      DecoderOutput out = translator.forward(batch, targets);
      Tensor loss = ce.apply(out.logits(), targets[0]);
      loss.backward();
      GradClipping.clipGradNorm(adam.params(), 5.0);
      adam.step();
      lossSum += loss.item();
      lossCount++;
      if (step % settings.evalEvery() == 0 || step == settings.maxSteps()) {
        double acc = translator.accuracy(splits.validation(), 1);
        last = new Progress(step, lossSum / lossCount, acc,
            (System.nanoTime() - start) / 1_000_000);
        lossSum = 0;
        lossCount = 0;
        onProgress.accept(last);
        if (acc >= settings.targetAccuracy()) {
          break;
        }
      }
    }
    return last;
  }
}
