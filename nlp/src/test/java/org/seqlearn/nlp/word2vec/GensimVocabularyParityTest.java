package org.seqlearn.nlp.word2vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Subsampling thresholds, negative-sampling probabilities and the sigmoid table against gensim
 * 4.2's, from {@code word2vec/gensim_vocab.json} and {@code word2vec/gensim_sigmoid.json} (written
 * by {@code tools/gen_word2vec_fixtures.py}).
 */
class GensimVocabularyParityTest {

  private static JsonObject fixture() throws IOException {
    return fixture("/word2vec/gensim_vocab.json");
  }

  private static JsonObject fixture(String resource) throws IOException {
    try (InputStream in = GensimVocabularyParityTest.class.getResourceAsStream(resource)) {
      return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .getAsJsonObject();
    }
  }

  private static long[] counts(JsonObject f) {
    JsonArray a = f.getAsJsonArray("counts");
    long[] counts = new long[a.size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = a.get(i).getAsLong();
    }
    return counts;
  }

  @Test
  void subsamplingThresholdsEqualGensimSampleInt() throws IOException {
    JsonObject f = fixture();
    long[] counts = counts(f);
    for (JsonElement e : f.getAsJsonArray("cases")) {
      JsonObject c = e.getAsJsonObject();
      double sample = c.get("sample").getAsDouble();
      long[] ours = Subsampling.thresholds(counts, sample);
      JsonArray theirs = c.getAsJsonArray("sample_int");
      for (int w = 0; w < counts.length; w++) {
        assertThat(ours[w]).as("sample %s word %d", sample, w)
            .isEqualTo(theirs.get(w).getAsLong());
      }
    }
  }

  @Test
  void aliasTableMatchesGensimNegativeSamplingDistribution() throws IOException {
    JsonObject f = fixture();
    long[] counts = counts(f);
    AliasTable table = new AliasTable(counts, 0.75);
    JsonArray expected = f.getAsJsonArray("cases").get(0).getAsJsonObject()
        .getAsJsonArray("neg_probability");
    for (int w = 0; w < counts.length; w++) {
      assertThat(table.probability(w)).as("word %d", w)
          .isCloseTo(expected.get(w).getAsDouble(), within(1e-8));
    }
    // and the draws follow it: 2^20 draws, each word within 5 standard deviations
    org.seqlearn.core.random.Rng rng = new org.seqlearn.core.random.Rng(7);
    int draws = 1 << 20;
    int[] seen = new int[counts.length];
    for (int i = 0; i < draws; i++) {
      seen[table.sample(rng.nextLong())]++;
    }
    for (int w = 0; w < counts.length; w++) {
      double p = table.probability(w);
      assertThat(seen[w] / (double) draws).as("word %d", w)
          .isCloseTo(p, within(5 * Math.sqrt(p * (1 - p) / draws) + 1e-9));
    }
  }

  @Test
  void unigramTableMatchesGensimNegativeSamplingDistribution() throws IOException {
    JsonObject f = fixture();
    long[] counts = counts(f);
    UnigramTable table = new UnigramTable(counts, 0.75, 1_000_000);
    int[] share = new int[counts.length];
    for (int i = 0; i < table.size(); i++) {
      share[table.word(i)]++;
    }
    JsonArray expected = f.getAsJsonArray("cases").get(0).getAsJsonObject()
        .getAsJsonArray("neg_probability");
    for (int w = 0; w < counts.length; w++) {
      assertThat(share[w] / (double) table.size()).as("word %d", w)
          .isCloseTo(expected.get(w).getAsDouble(), within(2e-6));
    }
  }

  /**
   * gensim reads its table at {@code (int) ((f + 6) * 83)}: the C tool's integer {@code 1000 / 6 /
   * 2}, so σ(0) comes out as 0.494. The values are what one gensim training update used.
   */
  @Test
  void sigmoidTableReadsLikeGensimTraining() throws IOException {
    for (JsonElement e : fixture("/word2vec/gensim_sigmoid.json").getAsJsonArray("cases")) {
      JsonObject c = e.getAsJsonObject();
      float dot = c.get("dot").getAsFloat();
      assertThat(SigmoidTable.sigmoid(dot)).as("sigmoid(%s)", dot)
          .isCloseTo(c.get("sigmoid").getAsFloat(), within(1e-6f));
    }
  }
}
