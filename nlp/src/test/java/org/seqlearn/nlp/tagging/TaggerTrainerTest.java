package org.seqlearn.nlp.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.seqlearn.core.Tensor;
import org.seqlearn.layers.train.NonFiniteLossException;

class TaggerTrainerTest {

  private static final String[] LOWER = {"the", "went", "to", "saw", "and", "with", "a", "big"};
  private static final String[] NAMES = {"Ann", "Bob", "Paris", "Rome", "Kim", "Oslo", "Lee"};

  /** Capitalised words are entities: B-X, then I-X while capitalised. */
  static List<TaggedSentence> toy(Random rng, int n) {
    List<TaggedSentence> out = new ArrayList<>();
    for (int s = 0; s < n; s++) {
      int len = 2 + rng.nextInt(6);
      List<String> tokens = new ArrayList<>();
      List<String> tags = new ArrayList<>();
      boolean inside = false;
      for (int t = 0; t < len; t++) {
        if (rng.nextInt(3) == 0) {
          tokens.add(NAMES[rng.nextInt(NAMES.length)]);
          tags.add(inside ? "I-X" : "B-X");
          inside = true;
        } else {
          tokens.add(LOWER[rng.nextInt(LOWER.length)]);
          tags.add("O");
          inside = false;
        }
      }
      out.add(new TaggedSentence(tokens, tags));
    }
    return out;
  }

  private static BiLstmTagger tagger(TaggerEncoder e, boolean crf) {
    return new BiLstmTagger(new TaggerOptions(e.words().size(), e.chars().size(),
        e.tags().size(), 8, 4, 6, 3, 8, 1, 0f, crf, 5));
  }

  @Test
  void learnsTheToyTaskAndKeepsTheBestDevEpoch() {
    List<TaggedSentence> train = toy(new Random(1), 120);
    List<TaggedSentence> dev = toy(new Random(2), 40);
    TaggerEncoder encoder = TaggerEncoder.fit(train, 1, 10);
    for (boolean crf : new boolean[] {false, true}) {
      BiLstmTagger tagger = tagger(encoder, crf);
      List<TaggerTrainer.Epoch> epochs = new TaggerTrainer(6, 8, 0.05, 5, 3)
          .fit(tagger, encoder, train, dev, e -> { });
      assertThat(epochs).hasSize(6);
      double best = epochs.stream().mapToDouble(TaggerTrainer.Epoch::devF1).max().orElseThrow();
      assertThat(best).isGreaterThan(90.0);
      double now = EntityScorer.score(dev, TaggerTrainer.tag(tagger, encoder, dev, 7))
          .overall().f1();
      assertThat(now).isEqualTo(best);
    }
  }

  @Test
  void theSameSeedGivesTheSameRun() {
    List<TaggedSentence> train = toy(new Random(1), 40);
    List<TaggedSentence> dev = toy(new Random(2), 10);
    TaggerEncoder encoder = TaggerEncoder.fit(train, 1, 10);
    List<TaggerTrainer.Epoch> a = new TaggerTrainer(2, 8, 0.05, 5, 3)
        .fit(tagger(encoder, true), encoder, train, dev, e -> { });
    List<TaggerTrainer.Epoch> b = new TaggerTrainer(2, 8, 0.05, 5, 3)
        .fit(tagger(encoder, true), encoder, train, dev, e -> { });
    assertThat(a).isEqualTo(b);
  }

  @Test
  void aNanLossStopsTraining() {
    List<TaggedSentence> train = toy(new Random(1), 20);
    TaggerEncoder encoder = TaggerEncoder.fit(train, 1, 10);
    BiLstmTagger tagger = tagger(encoder, false);
    Tensor w = tagger.parameters().get(tagger.parameters().size() - 1);
    w.data()[0] = Float.NaN;
    assertThatThrownBy(() -> new TaggerTrainer(1, 8, 0.05, 5, 3)
        .fit(tagger, encoder, train, train, e -> { }))
        .isInstanceOf(NonFiniteLossException.class);
  }

  @Test
  void bucketsHoldSentencesOfSimilarLength() {
    List<List<TaggedSentence>> buckets = TaggerTrainer.buckets(toy(new Random(4), 30), 8);
    assertThat(buckets).hasSize(4);
    for (int i = 1; i < buckets.size(); i++) {
      assertThat(buckets.get(i).get(0).size())
          .isGreaterThanOrEqualTo(buckets.get(i - 1).get(7).size());
    }
  }
}
