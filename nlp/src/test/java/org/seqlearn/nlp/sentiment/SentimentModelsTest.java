package org.seqlearn.nlp.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqlearn.core.Tensor;
import org.seqlearn.nlp.vectors.WordVectors;

class SentimentModelsTest {

  private static final WordVectors VECTORS = SyntheticSentiment.vectors(3);
  private static final SentenceEncoder ENCODER = new SentenceEncoder(VECTORS);

  private static AveragingClassifier averaging(long seed) {
    return new AveragingClassifier(ENCODER.embeddingMatrix(), 2, seed);
  }

  private static LstmClassifier lstm(long seed) {
    return new LstmClassifier(ENCODER.embeddingMatrix(), true, 16, 0.1f, 2, seed);
  }

  private static double trainAndTest(SentimentClassifier model, SentimentDataset train,
      SentimentDataset test, SentimentTrainer trainer) {
    trainer.train(model, ENCODER.encodeAll(train.texts()), train.labels());
    return trainer.evaluate(model, ENCODER.encodeAll(test.texts()), test.labels()).accuracy();
  }

  @Test
  void encoderDropsUnknownWordsAndShiftsIds() {
    int[] ids = ENCODER.encode("The zzz GOOD film");
    assertThat(ids).containsExactly(VECTORS.indexOf("the") + 1, VECTORS.indexOf("good") + 1,
        VECTORS.indexOf("film") + 1);
    Tensor m = ENCODER.embeddingMatrix();
    assertThat(m.shape()).containsExactly(VECTORS.size() + 1, SyntheticSentiment.DIM);
    assertThat(m.get(0, 3)).isZero();
    assertThat(m.get(ids[1], 0)).isEqualTo(VECTORS.vector("good")[0]);
  }

  @Test
  void averagingIgnoresPaddingAndHandlesEmptySentences() {
    AveragingClassifier a = averaging(1);
    int g = VECTORS.indexOf("good") + 1;
    int b = VECTORS.indexOf("bad") + 1;
    Tensor avg = a.average(List.of(new int[] {g, b}, new int[] {g, 0}, new int[0]));
    assertThat(avg.get(0, 0)).isCloseTo(
        (VECTORS.vector("good")[0] + VECTORS.vector("bad")[0]) / 2, org.assertj.core.api
            .Assertions.within(1e-6f));
    assertThat(avg.get(1, 0)).isEqualTo(VECTORS.vector("good")[0]);
    assertThat(avg.get(2, 0)).isZero();
    assertThat(a.probabilities(List.of(new int[] {g}, new int[0])).shape())
        .containsExactly(2, 2);
  }

  @Test
  void lstmHandlesVariableAndZeroLengths() {
    LstmClassifier m = lstm(1);
    m.eval();
    int g = VECTORS.indexOf("good") + 1;
    int f = VECTORS.indexOf("film") + 1;
    Tensor alone = m.logits(List.of(new int[] {g, f}));
    Tensor padded = m.logits(List.of(new int[] {g, f}, new int[] {f, g, f, f, g}, new int[0]));
    assertThat(padded.shape()).containsExactly(3, 2);
    assertThat(padded.get(0, 0)).isCloseTo(alone.get(0, 0),
        org.assertj.core.api.Assertions.within(1e-5f));
    assertThat(m.predict(List.of(new int[0]))).hasSize(1);
  }

  @Test
  void frozenEmbeddingsStayFixed() {
    LstmClassifier m = lstm(2);
    Tensor before = ENCODER.embeddingMatrix();
    SentimentDataset d = SyntheticSentiment.lexical(40, 9);
    new SentimentTrainer(1, 8, 0.01, 1).train(m, ENCODER.encodeAll(d.texts()), d.labels());
    assertThat(m.namedParameters().get("embedding.weight").toArray())
        .containsExactly(before.toArray());
  }

  @Test
  void bothModelsLearnLexicalSentiment() {
    SentimentDataset train = SyntheticSentiment.lexical(200, 11);
    SentimentDataset test = SyntheticSentiment.lexical(200, 12);
    SentimentTrainer trainer = new SentimentTrainer(15, 16, 0.02, 5);
    assertThat(trainAndTest(averaging(1), train, test, trainer)).isGreaterThan(0.9);
    assertThat(trainAndTest(lstm(1), train, test, trainer)).isGreaterThan(0.9);
  }

  @Test
  void lstmBeatsAveragingOnNegation() {
    SentimentDataset train = SyntheticSentiment.negation(600, 21);
    SentimentDataset test = SyntheticSentiment.negation(300, 22);
    SentimentTrainer trainer = new SentimentTrainer(30, 16, 0.01, 5);
    double avg = trainAndTest(averaging(1), train, test, trainer);
    double rnn = trainAndTest(lstm(1), train, test, trainer);
    System.out.printf("negation set: averaging %.3f, lstm %.3f%n", avg, rnn);
    assertThat(avg).isLessThan(0.65);
    assertThat(rnn).isGreaterThan(0.85);
  }

  @Test
  void crossValidationRunsEveryFold() {
    SentimentDataset d = SyntheticSentiment.lexical(60, 31);
    CrossValidationResult cv = new SentimentTrainer(10, 16, 0.05, 3)
        .crossValidate(3, d, ENCODER, () -> averaging(7));
    assertThat(cv.folds()).hasSize(3);
    assertThat(cv.pooled().total()).isEqualTo(60);
    assertThat(cv.meanAccuracy()).isGreaterThan(0.8);
  }
}
