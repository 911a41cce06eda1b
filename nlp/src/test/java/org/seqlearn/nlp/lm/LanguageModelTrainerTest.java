package org.seqlearn.nlp.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.random.Rng;
import org.seqlearn.layers.train.NonFiniteLossException;

class LanguageModelTrainerTest {

  private static final int PAD = 0;
  private static final int EOS = 2;

  @Test
  void teacherForcedBatchShiftsByOneAndEndsWithEos() {
    TeacherForcedBatch b = TeacherForcedBatch.of(List.of(new int[] {5, 6, 7}, new int[] {8}),
        EOS, PAD);
    assertThat(b.inputs().toArray()).containsExactly(2, 5, 6, 7, 2, 8, 0, 0);
    assertThat(b.targets().toArray()).containsExactly(5, 6, 7, 2, 8, 2, 0, 0);
    assertThat(b.lengths()).containsExactly(4, 2);
    assertThat(b.predictedTokens()).isEqualTo(6);
  }

  /** Sixteen copies of one deterministic pattern. */
  private static List<int[]> repetitiveCorpus() {
    List<int[]> corpus = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      corpus.add(new int[] {3, 4, 5, 3, 4, 5, 6});
    }
    return corpus;
  }

  @Test
  void aDivergingRunStopsWithTheTrainersNonFiniteLossError() {
    List<int[]> corpus = repetitiveCorpus();
    RecurrentLanguageModel m = new RecurrentLanguageModel(
        new LanguageModelConfig(7, 8, 16, 1, CellType.LSTM, 1));
    LanguageModelTrainer t = new LanguageModelTrainer(m, EOS, PAD,
        new TrainingOptions(3, 8, 1e38, 0, 1));
    assertThatThrownBy(() -> t.train(corpus, null))
        .isInstanceOf(NonFiniteLossException.class)
        .hasMessageContaining("at epoch 1, step")
        .hasMessageContaining("training stopped");
  }

  /** A corpus that repeats one deterministic pattern is learned almost perfectly. */
  @Test
  void repetitiveCorpusDrivesBitsPerCharacterNearZero() {
    List<int[]> corpus = repetitiveCorpus();
    RecurrentLanguageModel m = new RecurrentLanguageModel(
        new LanguageModelConfig(7, 8, 16, 1, CellType.LSTM, 1));
    double before = LanguageModelEvaluator.evaluate(m, corpus, EOS, PAD, 4).bitsPerToken();
    double[] losses = new LanguageModelTrainer(m, EOS, PAD,
        new TrainingOptions(60, 8, 0.03, 5, 1)).train(corpus, null);
    Evaluation after = LanguageModelEvaluator.evaluate(m, corpus, EOS, PAD, 4);
    assertThat(before).isCloseTo(Math.log(7) / Math.log(2), within(0.3));
    assertThat(losses[losses.length - 1]).isLessThan(losses[0]);
    assertThat(after.bitsPerToken()).isLessThan(0.05);
    assertThat(after.predictedTokens()).isEqualTo(16 * 8);
    Sample s = new SequenceSampler(m, EOS, PAD, 1).sample(SamplingOptions.defaults(), new Rng(3));
    assertThat(s.tokens()).containsExactly(3, 4, 5, 3, 4, 5, 6);
    assertThat(s.endedWithEos()).isTrue();
  }

  /** The exact evaluation matches the training loss (mean cross-entropy) on the same batch. */
  @Test
  void evaluationAgreesWithCrossEntropyAndIgnoresBatching() {
    RecurrentLanguageModel m = new RecurrentLanguageModel(
        new LanguageModelConfig(10, 4, 6, 1, CellType.GRU, 9));
    List<int[]> seqs = List.of(new int[] {3, 4}, new int[] {5, 6, 7, 8, 9}, new int[] {},
        new int[] {9, 9, 9});
    Evaluation one = LanguageModelEvaluator.evaluate(m, seqs, EOS, PAD, 1);
    Evaluation all = LanguageModelEvaluator.evaluate(m, seqs, EOS, PAD, 4);
    assertThat(one.predictedTokens()).isEqualTo(3 + 6 + 1 + 4);
    assertThat(all.totalNats()).isCloseTo(one.totalNats(), within(1e-4));
    TeacherForcedBatch b = TeacherForcedBatch.of(seqs, EOS, PAD);
    Tensor logits = m.forward(b.inputs(), b.lengths(), null).logits();
    float ce = new org.seqlearn.layers.loss.CrossEntropyLoss().withClassAxis(-1)
        .withIgnoreIndex(PAD).apply(logits, b.targets()).item();
    assertThat(all.natsPerToken()).isCloseTo(ce, within(1e-5));
    assertThat(all.bitsPerToken()).isCloseTo(all.natsPerToken() / Math.log(2), within(1e-12));
    assertThat(all.perplexity()).isCloseTo(Math.pow(2, all.bitsPerToken()), within(1e-9));
  }

  @Test
  void sameSeedSameTraining() {
    List<int[]> corpus = List.of(new int[] {3, 4}, new int[] {4, 5, 3}, new int[] {5},
        new int[] {3, 3, 4, 5});
    double[][] runs = new double[2][];
    for (int r = 0; r < 2; r++) {
      RecurrentLanguageModel m = new RecurrentLanguageModel(
          new LanguageModelConfig(6, 3, 5, 1, CellType.RNN, 4));
      runs[r] = new LanguageModelTrainer(m, EOS, PAD, new TrainingOptions(3, 2, 0.01, 1, 8))
          .train(corpus, null);
    }
    assertThat(runs[1]).containsExactly(runs[0]);
  }

  @Test
  void batchesCoverEverySequenceOnce() {
    List<int[]> corpus = new ArrayList<>();
    for (int i = 0; i < 37; i++) {
      corpus.add(new int[i % 5 + 1]);
    }
    RecurrentLanguageModel m = new RecurrentLanguageModel(
        new LanguageModelConfig(6, 3, 5, 1, CellType.RNN, 4));
    var batches = new LanguageModelTrainer(m, EOS, PAD, new TrainingOptions(1, 4, 0.01, 1, 8))
        .batches(corpus, new Rng(1));
    assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(37);
    assertThat(batches).allSatisfy(b -> assertThat(b.size()).isBetween(1, 4));
  }
}
