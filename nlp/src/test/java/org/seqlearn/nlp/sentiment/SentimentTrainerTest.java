package org.seqlearn.nlp.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqlearn.layers.train.EpochResult;
import org.seqlearn.nlp.vectors.WordVectors;

class SentimentTrainerTest {

  private static final WordVectors VECTORS = SyntheticSentiment.vectors(3);
  private static final SentenceEncoder ENCODER = new SentenceEncoder(VECTORS);
  private static final SentimentDataset DATA = SyntheticSentiment.lexical(120, 17);

  private static LstmClassifier lstm() {
    return new LstmClassifier(ENCODER.embeddingMatrix(), 2,
        LstmClassifierOptions.defaults().hiddenSize(8).seed(5));
  }

  private static float[] linearWeight(SentimentClassifier m) {
    return m.namedParameters().get("linear.weight").toArray();
  }

  private static double norm(float[] xs) {
    double s = 0;
    for (float x : xs) {
      s += x * x;
    }
    return Math.sqrt(s);
  }

  private static List<EpochResult> train(SentimentTrainer t, SentimentClassifier m) {
    return t.train(m, ENCODER.encodeAll(DATA.texts()), DATA.labels());
  }

  @Test
  void earlyStoppingHoldsOutValidationAndRestoresTheBestEpoch() {
    List<EpochResult> seen = new ArrayList<>();
    SentimentTrainer t = new SentimentTrainer(60, 8, 0.05, 3).earlyStopping(0.25, 2)
        .onEpoch(seen::add);
    AveragingClassifier m = new AveragingClassifier(ENCODER.embeddingMatrix(), 2, 1);
    List<EpochResult> history = train(t, m);
    assertThat(history.size()).isLessThan(60);
    assertThat(seen).isEqualTo(history);
    double best = history.stream().mapToDouble(r -> r.metric("val_accuracy")).max().orElseThrow();
    int bestEpoch = 0;
    while (history.get(bestEpoch).metric("val_accuracy") < best) {
      bestEpoch++;
    }
    assertThat(history.size()).isEqualTo(bestEpoch + 1 + 2);
    // 120 sentences, a quarter held out: 90 train the model, 30 validate it.
    assertThat(history.get(0).step()).isEqualTo(12);
  }

  @Test
  void withoutEarlyStoppingEveryEpochRunsOnAllSentences() {
    List<EpochResult> history = train(new SentimentTrainer(3, 8, 0.01, 3),
        new AveragingClassifier(ENCODER.embeddingMatrix(), 2, 1));
    assertThat(history).hasSize(3);
    assertThat(history.get(0).step()).isEqualTo(15);
    assertThat(history.get(0).metrics()).containsOnlyKeys("loss", "accuracy");
  }

  @Test
  void clippingAndWeightDecayReachTheOptimizer() {
    float[] start = linearWeight(lstm());
    LstmClassifier plain = lstm();
    train(new SentimentTrainer(2, 8, 0.01, 3), plain);
    LstmClassifier clipped = lstm();
    train(new SentimentTrainer(2, 8, 0.01, 3).clipGradNorm(1e-9), clipped);
    LstmClassifier decayed = lstm();
    train(new SentimentTrainer(2, 8, 0.01, 3).weightDecay(50), decayed);
    assertThat(linearWeight(plain)).isNotEqualTo(start);
    // Adam normalises the step size, so a tiny clipped gradient still moves; but the same
    // updates as without clipping would mean the clip was ignored.
    assertThat(linearWeight(clipped)).isNotEqualTo(linearWeight(plain));
    assertThat(norm(linearWeight(decayed))).isLessThan(norm(linearWeight(plain)));
  }

  @Test
  void sameSeedSameModel() {
    LstmClassifier a = lstm();
    LstmClassifier b = lstm();
    SentimentTrainer t = new SentimentTrainer(2, 8, 0.01, 3).earlyStopping(0.2, 1);
    train(t, a);
    train(t, b);
    assertThat(linearWeight(a)).isEqualTo(linearWeight(b));
  }

  @Test
  void runsTheFirstFoldsOnly() {
    SentimentTrainer t = new SentimentTrainer(5, 16, 0.05, 3);
    CrossValidationResult all = t.crossValidate(4, DATA, ENCODER,
        () -> new AveragingClassifier(ENCODER.embeddingMatrix(), 2, 7));
    CrossValidationResult two = t.crossValidate(4, 2, DATA, ENCODER,
        () -> new AveragingClassifier(ENCODER.embeddingMatrix(), 2, 7));
    assertThat(two.folds()).hasSize(2);
    assertThat(two.foldAccuracies()[0]).isEqualTo(all.foldAccuracies()[0]);
    assertThat(two.foldAccuracies()[1]).isEqualTo(all.foldAccuracies()[1]);
    assertThatThrownBy(() -> t.crossValidate(4, 5, DATA, ENCODER,
        () -> new AveragingClassifier(ENCODER.embeddingMatrix(), 2, 7)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsBadSettings() {
    SentimentTrainer t = new SentimentTrainer(1, 1, 0.1, 0);
    assertThatThrownBy(() -> t.earlyStopping(1.0, 2)).isInstanceOf(
        IllegalArgumentException.class);
    assertThatThrownBy(() -> t.earlyStopping(0.1, 0)).isInstanceOf(
        IllegalArgumentException.class);
    assertThatThrownBy(() -> t.clipGradNorm(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> t.weightDecay(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(t.earlyStopping(0.1, 2).clipGradNorm(5).toString()).isEqualTo("Adam 0.1, batch 1,"
        + " up to 1 epochs, weight decay 0.0, clip 5.0, early stopping (validation 0.1, patience"
        + " 2), seed 0");
  }
}
