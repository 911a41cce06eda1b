package org.seqlearn.nlp.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.seqlearn.core.Tensor;
import org.seqlearn.nlp.vectors.WordVectors;

class LstmClassifierTest {

  private static final WordVectors VECTORS = SyntheticSentiment.vectors(3);
  private static final SentenceEncoder ENCODER = new SentenceEncoder(VECTORS);

  private static int id(String word) {
    return VECTORS.indexOf(word) + 1;
  }

  @ParameterizedTest
  @CsvSource({"LAST, false", "LAST, true", "MAX, false", "MAX, true", "MEAN, false",
      "MEAN, true"})
  void paddingNeverChangesASentencesLogits(Pooling pooling, boolean bidirectional) {
    LstmClassifier m = new LstmClassifier(ENCODER.embeddingMatrix(), 2,
        LstmClassifierOptions.defaults().hiddenSize(12).pooling(pooling)
            .bidirectional(bidirectional).seed(4));
    m.eval();
    int[] shortOne = {id("bad"), id("film")};
    Tensor alone = m.logits(List.of(shortOne));
    Tensor padded = m.logits(List.of(new int[] {id("good"), id("the"), id("plot"), id("was"),
        id("really"), id("nice")}, shortOne, new int[0]));
    assertThat(padded.shape()).containsExactly(3, 2);
    for (int c = 0; c < 2; c++) {
      assertThat(padded.get(1, c)).isCloseTo(alone.get(0, c), within(1e-5f));
    }
  }

  @Test
  void emptySentencePoolsToZeroFeatures() {
    for (Pooling p : Pooling.values()) {
      LstmClassifier m = new LstmClassifier(ENCODER.embeddingMatrix(), 2,
          LstmClassifierOptions.defaults().hiddenSize(5).pooling(p).bidirectional(true));
      m.eval();
      Tensor logits = m.logits(List.of(new int[0], new int[] {id("good")}));
      Tensor bias = m.namedParameters().get("linear.bias");
      assertThat(logits.get(0, 0)).as(p.name()).isCloseTo(bias.get(0), within(1e-6f));
      assertThat(logits.get(0, 1)).as(p.name()).isCloseTo(bias.get(1), within(1e-6f));
    }
  }

  @Test
  void maxPoolingTakesTheLargestOutputOverRealStepsOnly() {
    // A one-word sentence next to a long one: wherever one of its (random-weight) outputs is
    // negative, an unmasked max would pick the zero padding instead.
    LstmClassifier m = new LstmClassifier(ENCODER.embeddingMatrix(), 2,
        LstmClassifierOptions.defaults().hiddenSize(3).pooling(Pooling.MAX).seed(9));
    m.eval();
    for (int f = 0; f < 4; f++) {
      int[] s = {id(SyntheticSentiment.FILLER[f])};
      Tensor alone = m.logits(List.of(s));
      Tensor withLong = m.logits(List.of(s, new int[] {id("good"), id("good"), id("good"),
          id("good"), id("good"), id("good"), id("good"), id("good")}));
      assertThat(withLong.get(0, 0)).isCloseTo(alone.get(0, 0), within(1e-5f));
    }
  }

  @Test
  void optionsShapeTheModel() {
    LstmClassifierOptions o = LstmClassifierOptions.defaults().hiddenSize(7).bidirectional(true)
        .freezeEmbeddings(false).embeddingDropout(0.2f).dropout(0.3f);
    assertThat(o.featureSize()).isEqualTo(14);
    LstmClassifier m = new LstmClassifier(ENCODER.embeddingMatrix(), 3, o);
    assertThat(m.namedParameters().get("linear.weight").shape()).containsExactly(3, 14);
    assertThat(m.namedParameters()).containsKey("lstm.weight_hh_l0_reverse");
    assertThat(m.embedding().isFrozen()).isFalse();
    assertThat(o.toString()).isEqualTo(
        "BiLSTM(7, last, trainable embeddings, dropout 0.2/0.3, seed 0)");
    assertThat(LstmClassifierOptions.defaults().featureSize()).isEqualTo(64);
  }

  @Test
  void trainableEmbeddingsMoveButKeepThePaddingRow() {
    LstmClassifier m = new LstmClassifier(ENCODER.embeddingMatrix(), 2,
        LstmClassifierOptions.defaults().hiddenSize(8).freezeEmbeddings(false).seed(2));
    SentimentDataset d = SyntheticSentiment.lexical(40, 9);
    new SentimentTrainer(2, 8, 0.01, 1).train(m, ENCODER.encodeAll(d.texts()), d.labels());
    float[] after = m.embedding().weight().toArray();
    float[] before = ENCODER.embeddingMatrix().toArray();
    assertThat(after).isNotEqualTo(before);
    for (int j = 0; j < SyntheticSentiment.DIM; j++) {
      assertThat(after[j]).isZero();
    }
  }
}
