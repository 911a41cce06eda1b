package org.seqlearn.nlp.glove;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlearn.core.random.Rng;
import org.seqlearn.nlp.text.CorpusTokenization;
import org.seqlearn.nlp.vectors.WordVectors;
import org.seqlearn.nlp.word2vec.CorpusVocabulary;

class GloveTest {

  @TempDir static Path dir;
  static Path corpus;

  /** Three topics, each with 3 members sharing 8 context words; one topic per line. */
  @BeforeAll
  static void writeCorpus() throws IOException {
    Rng rng = new Rng(11);
    StringBuilder sb = new StringBuilder();
    for (int l = 0; l < 1500; l++) {
      char g = (char) ('a' + rng.nextInt(3));
      for (int k = 0; k < 10; k++) {
        sb.append(rng.nextInt(4) == 0 ? "m" + g + (char) ('a' + rng.nextInt(3))
            : "c" + g + (char) ('a' + rng.nextInt(8))).append(k == 9 ? '\n' : ' ');
      }
    }
    corpus = Files.writeString(dir.resolve("corpus.txt"), sb.toString());
  }

  @Test
  void countsEqualABruteForceSymmetricWindow() throws IOException {
    Path tiny = Files.writeString(dir.resolve("tiny.txt"), "a b c a\nb OOV a\n");
    CorpusVocabulary vocab = CorpusVocabulary.of(java.util.List.of("a", "b", "c"),
        new long[] {3, 2, 1}, 7);
    Cooccurrences x = new CooccurrenceCounter(vocab, CorpusTokenization.WHITESPACE, 2, 1 << 20,
        dir).count(tiny);
    // line 1: a b c a -> (a,b) 1 + (b,c) 1 + (c,a) 1 + (a,c) 1/2 + (b,a) 1/2; line 2: b a (OOV
    // skipped, so distance 1).
    Map<String, Double> expected = new HashMap<>();
    expected.put("a b", 1 + 0.5 + 1);
    expected.put("b c", 1.0);
    expected.put("a c", 1 + 0.5);
    expected.put("a a", 0.0);
    for (Map.Entry<String, Double> e : expected.entrySet()) {
      String[] p = e.getKey().split(" ");
      int i = vocab.id(p[0]);
      int j = vocab.id(p[1]);
      assertThat(x.get(i, j)).as(e.getKey()).isCloseTo(e.getValue(), within(1e-12));
      assertThat(x.get(j, i)).as("symmetric " + e.getKey()).isEqualTo(x.get(i, j));
    }
    assertThat(x.size()).isEqualTo(6);
  }

  @Test
  void spilledAndMergedCountsEqualInMemoryCounts() throws IOException {
    CorpusVocabulary vocab = CorpusVocabulary.build(corpus, CorpusTokenization.TEXT8, 1);
    CooccurrenceCounter inMemory = new CooccurrenceCounter(vocab, CorpusTokenization.TEXT8, 5,
        1 << 24, dir);
    Cooccurrences a = inMemory.count(corpus);
    assertThat(inMemory.spills()).isZero();
    CooccurrenceCounter tiny = new CooccurrenceCounter(vocab, CorpusTokenization.TEXT8, 5, 2048,
        dir);
    Cooccurrences b = tiny.count(corpus);
    assertThat(tiny.spills()).isGreaterThan(5);
    assertThat(b.rows()).containsExactly(a.rows());
    assertThat(b.columns()).containsExactly(a.columns());
    for (int k = 0; k < a.size(); k++) {
      assertThat(b.values()[k]).isCloseTo(a.values()[k], within(1e-9 * a.values()[k]));
    }
    try (var files = Files.list(dir)) {
      assertThat(files.filter(f -> f.toString().endsWith(".run"))).isEmpty();
    }
  }

  private static GloveConfig small() {
    return GloveConfig.defaults().withDimension(16).withWindow(5).withMinCount(1).withEpochs(25)
        .withXMax(10);
  }

  @Test
  void learnsPlantedTopicsAndCostFalls() throws IOException {
    double[] first = {Double.NaN};
    double[] last = {Double.NaN};
    WordVectors v = GloveTrainer.train(corpus, small(), dir, c -> {
      if (Double.isNaN(first[0])) {
        first[0] = c;
      }
      last[0] = c;
    });
    assertThat(last[0]).isLessThan(first[0] / 2);
    for (char g = 'a'; g <= 'c'; g++) {
      for (char m = 'a'; m <= 'c'; m++) {
        String word = "m" + g + m;
        String best = null;
        float bestSim = -2;
        for (char h = 'a'; h <= 'c'; h++) {
          for (char n = 'a'; n <= 'c'; n++) {
            String other = "m" + h + n;
            if (!other.equals(word) && v.similarity(word, other) > bestSim) {
              bestSim = v.similarity(word, other);
              best = other;
            }
          }
        }
        assertThat(best.charAt(1)).as("nearest member of %s is %s", word, best).isEqualTo(g);
      }
    }
  }

  @Test
  void oneThreadIsDeterministicAndThreadsWork() throws IOException {
    GloveConfig c = small().withEpochs(3);
    float[] a = GloveTrainer.train(corpus, c, dir, x -> { }).matrix();
    float[] b = GloveTrainer.train(corpus, c, dir, x -> { }).matrix();
    assertThat(b).containsExactly(a);
    WordVectors t = GloveTrainer.train(corpus, c.withThreads(3), dir, x -> { });
    assertThat(t.size()).isEqualTo(33);
  }
}
