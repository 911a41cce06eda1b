package org.seqlearn.nlp.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.seqlearn.core.GradCheck;
import org.seqlearn.core.IntTensor;
import org.seqlearn.core.Tensor;
import org.seqlearn.layers.optim.Adam;

class BiLstmTaggerTest {

  private static final List<String> TAGS = List.of("O", "B-X", "I-X");

  private static TaggerOptions tiny(boolean crf) {
    return new TaggerOptions(6, 5, 3, 3, 2, 3, 3, 3, 1, 0f, crf, 9);
  }

  /** Two sentences (lengths 3 and 2, T = 3), every real word 2 chars, no id 0 inside them. */
  private static TaggerBatch tinyBatch() {
    IntTensor words = IntTensor.of(new int[] {1, 2, 3, 4, 5, 0}, 2, 3);
    IntTensor chars = IntTensor.of(new int[] {1, 2, 3, 4, 2, 2, 4, 1, 3, 3, 0, 0}, 2, 3, 2);
    IntTensor tags = IntTensor.of(new int[] {1, 2, 0, 0, 1, 9}, 2, 3);
    return new TaggerBatch(words, chars, new int[] {3, 2}, tags);
  }

  @Test
  void gradientsOfBothHeadsMatchFiniteDifferences() {
    for (boolean crf : new boolean[] {false, true}) {
      BiLstmTagger tagger = new BiLstmTagger(tiny(crf));
      TaggerBatch batch = tinyBatch();
      GradCheck.of(in -> tagger.loss(batch)).tolerance(2e-2, 2e-3)
          .check(tagger.parameters().toArray(Tensor[]::new));
    }
  }

  @Test
  void paddingChangesNoRealStep() {
    BiLstmTagger tagger = new BiLstmTagger(tiny(true));
    TaggerBatch batch = tinyBatch();
    IntTensor words = IntTensor.of(new int[] {1, 2, 3, 4, 5, 3}, 2, 3);
    IntTensor chars = IntTensor.of(new int[] {1, 2, 3, 4, 2, 2, 4, 1, 3, 3, 4, 4}, 2, 3, 2);
    TaggerBatch other = new TaggerBatch(words, chars, batch.lengths(), batch.tags());
    assertThat(tagger.loss(other).item()).isEqualTo(tagger.loss(batch).item());
    assertThat(tagger.predict(other)).isDeepEqualTo(tagger.predict(batch));
  }

  @Test
  void aSentencesScoresDoNotDependOnTheLongestWordInItsBatch() {
    // the char CNN's max-pool must see only a word's own positions, not the batch's char padding
    BiLstmTagger tagger = new BiLstmTagger(tiny(false));
    tagger.eval();
    IntTensor words = IntTensor.of(new int[] {1, 2}, 1, 2);
    TaggerBatch alone = new TaggerBatch(words, IntTensor.of(new int[] {1, 2, 3, 4}, 1, 2, 2),
        new int[] {2}, null);
    TaggerBatch wide = new TaggerBatch(words,
        IntTensor.of(new int[] {1, 2, 0, 0, 0, 3, 4, 0, 0, 0}, 1, 2, 5), new int[] {2}, null);
    assertThat(tagger.emissions(wide).toArray()).containsExactly(
        tagger.emissions(alone).toArray());
  }

  /**
   * Capitalised words are entities (B-X, then I-X while capitalised). Held-out sentences use
   * only the unknown word id, so only the character CNN can see the casing.
   */
  @Test
  void learnsCasingFromCharactersAndTagsUnseenWords() {
    for (boolean crf : new boolean[] {false, true}) {
      Random rng = new Random(crf ? 3 : 4);
      BiLstmTagger tagger = new BiLstmTagger(
          new TaggerOptions(40, 60, 3, 8, 8, 12, 3, 16, 1, 0f, crf, 5));
      Adam adam = new Adam(tagger.parameters(), 0.03);
      for (int step = 0; step < 200; step++) {
        adam.zeroGrad();
        tagger.loss(toyBatch(rng, 16, false)).backward();
        adam.step();
      }
      tagger.eval();
      List<TaggedSentence> gold = new ArrayList<>();
      List<TaggedSentence> predicted = new ArrayList<>();
      for (int n = 0; n < 4; n++) {
        TaggerBatch test = toyBatch(rng, 16, true);
        int[][] paths = tagger.predict(test);
        for (int b = 0; b < test.size(); b++) {
          List<String> tokens = new ArrayList<>();
          List<String> g = new ArrayList<>();
          List<String> p = new ArrayList<>();
          for (int t = 0; t < paths[b].length; t++) {
            tokens.add("w");
            g.add(TAGS.get(test.tags().at(b * test.time() + t)));
            p.add(TAGS.get(paths[b][t]));
          }
          gold.add(new TaggedSentence(tokens, g));
          predicted.add(new TaggedSentence(tokens, p));
        }
      }
      double f1 = EntityScorer.score(gold, predicted).overall().f1();
      assertThat(f1).as("entity F1 on unseen words, crf=" + crf).isGreaterThan(90.0);
    }
  }

  /** Words: id 1 = unknown, 2..39 known; char 1..26 lower case, 27..52 upper case. */
  private static TaggerBatch toyBatch(Random rng, int size, boolean unseen) {
    int time = 8;
    int maxChars = 5;
    int[] words = new int[size * time];
    int[] chars = new int[size * time * maxChars];
    int[] tags = new int[size * time];
    int[] lengths = new int[size];
    for (int b = 0; b < size; b++) {
      lengths[b] = 3 + rng.nextInt(time - 2);
      boolean previousUpper = false;
      for (int t = 0; t < lengths[b]; t++) {
        boolean upper = rng.nextInt(3) == 0;
        int i = b * time + t;
        words[i] = unseen ? 1 : 2 + rng.nextInt(38);
        int len = 1 + rng.nextInt(maxChars);
        for (int c = 0; c < len; c++) {
          chars[i * maxChars + c] = 1 + rng.nextInt(26) + (upper && c == 0 ? 26 : 0);
        }
        tags[i] = upper ? (previousUpper ? 2 : 1) : 0;
        previousUpper = upper;
      }
    }
    return new TaggerBatch(IntTensor.of(words, size, time),
        IntTensor.of(chars, size, time, maxChars), lengths, IntTensor.of(tags, size, time));
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> new TaggerOptions(6, 5, 3, 3, 2, 3, 2, 3, 1, 0f, true, 9))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("odd");
    assertThatThrownBy(() -> new TaggerBatch(IntTensor.of(new int[4], 2, 2),
        IntTensor.of(new int[4], 2, 2), new int[] {2, 2}, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[B, T, C]");
    TaggerBatch noTags = new TaggerBatch(IntTensor.of(new int[] {1, 2}, 1, 2),
        IntTensor.of(new int[] {1, 1}, 1, 2, 1), new int[] {2}, null);
    assertThatThrownBy(() -> new BiLstmTagger(tiny(false)).loss(noTags))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no gold tags");
  }

  @Test
  void pretrainedVectorsFillTheirWordsRows() {
    org.seqlearn.nlp.text.Vocabulary words = org.seqlearn.nlp.text.Vocabulary.of(
        List.of("<pad>", "<unk>", "Paris", "went", "zzz"), new long[] {0, 0, 1, 1, 1}, 2,
        "<unk>");
    org.seqlearn.nlp.vectors.WordVectors vectors = org.seqlearn.nlp.vectors.WordVectors.of(
        List.of("went", "paris"), new float[] {1, 2, 3, 4, 5, 6}, 3);
    BiLstmTagger tagger = new BiLstmTagger(
        new TaggerOptions(5, 5, 3, 3, 2, 0, 1, 3, 1, 0f, false, 9));
    float[] before = tagger.stateDict().get("word_embedding.weight").data().clone();
    assertThat(tagger.initWordEmbeddings(words, vectors)).isEqualTo(2);
    float[] after = tagger.stateDict().get("word_embedding.weight").data();
    assertThat(java.util.Arrays.copyOfRange(after, 6, 9)).containsExactly(4, 5, 6);
    assertThat(java.util.Arrays.copyOfRange(after, 9, 12)).containsExactly(1, 2, 3);
    assertThat(java.util.Arrays.copyOfRange(after, 12, 15))
        .containsExactly(java.util.Arrays.copyOfRange(before, 12, 15));
    assertThatThrownBy(() -> tagger.initWordEmbeddings(words,
        org.seqlearn.nlp.vectors.WordVectors.of(List.of("a"), new float[] {1, 2}, 2)))
        .hasMessageContaining("3-dimensional");
  }
}
