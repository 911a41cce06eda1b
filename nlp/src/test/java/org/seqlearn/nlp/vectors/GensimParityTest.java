package org.seqlearn.nlp.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Our answers equal gensim's on the committed fixtures (same words, same order, 1e-5). */
class GensimParityTest {

  private static final double TOLERANCE = 1e-5;
  private static WordVectors text;
  private static WordVectors binary;
  private static JsonObject expected;

  @BeforeAll
  static void load() throws IOException {
    text = WordVectors.load(Fixtures.path("vectors.txt"), WordVectorFormat.WORD2VEC_TEXT);
    binary = WordVectorReader.read(Fixtures.path("vectors.bin"), WordVectorFormat.WORD2VEC_BINARY);
    expected = Fixtures.expected();
  }

  @Test
  void gensimBinaryAndTextHoldTheSameVectors() {
    assertThat(text.size()).isEqualTo(expected.get("vocab_size").getAsInt());
    assertThat(text.dimension()).isEqualTo(expected.get("dim").getAsInt());
    assertThat(binary.words()).isEqualTo(text.words());
    assertThat(binary.matrix()).isEqualTo(text.matrix());
    double sum = 0;
    for (float v : binary.matrix()) {
      sum += v;
    }
    assertThat(sum).isCloseTo(expected.get("vector_sum").getAsDouble(), within(1e-9));
    assertThat(text.words()).contains("日本", "москва", "naïve", "emoji😀", "café", "straße");
  }

  @Test
  void mostSimilarMatchesGensim() {
    for (JsonElement e : expected.getAsJsonArray("most_similar")) {
      JsonObject q = e.getAsJsonObject();
      int restrict = q.get("restrict_vocab").isJsonNull() ? text.size()
          : q.get("restrict_vocab").getAsInt();
      List<ScoredWord> actual = text.mostSimilar(strings(q.getAsJsonArray("positive")),
          strings(q.getAsJsonArray("negative")), q.get("topn").getAsInt(), restrict);
      assertSame(actual, q.getAsJsonArray("result"), q.toString().substring(0, 80));
    }
  }

  @Test
  void mostSimilarCosMulMatchesGensim() {
    for (JsonElement e : expected.getAsJsonArray("most_similar_cosmul")) {
      JsonObject q = e.getAsJsonObject();
      List<ScoredWord> actual = binary.mostSimilarCosMul(strings(q.getAsJsonArray("positive")),
          strings(q.getAsJsonArray("negative")), q.get("topn").getAsInt());
      assertSame(actual, q.getAsJsonArray("result"), q.toString().substring(0, 80));
    }
  }

  @Test
  void doesntMatchAndSimilarityMatchGensim() {
    for (JsonElement e : expected.getAsJsonArray("doesnt_match")) {
      JsonObject q = e.getAsJsonObject();
      assertThat(text.doesntMatch(strings(q.getAsJsonArray("words"))))
          .isEqualTo(q.get("result").getAsString());
    }
    for (JsonElement e : expected.getAsJsonArray("similarity")) {
      JsonObject q = e.getAsJsonObject();
      assertThat((double) text.similarity(q.get("w1").getAsString(), q.get("w2").getAsString()))
          .isCloseTo(q.get("result").getAsDouble(), within(TOLERANCE));
    }
  }

  @Test
  void analogyEvaluationMatchesGensim() throws IOException {
    for (JsonElement e : expected.getAsJsonArray("analogies")) {
      JsonObject q = e.getAsJsonObject();
      AnalogyResult result = text.evaluateWordAnalogies(Fixtures.path("questions.txt"),
          q.get("restrict_vocab").getAsInt(), q.get("case_insensitive").getAsBoolean());
      List<SectionResult> expectedSections = new ArrayList<>();
      for (JsonElement s : q.getAsJsonArray("sections")) {
        JsonObject o = s.getAsJsonObject();
        expectedSections.add(new SectionResult(o.get("section").getAsString(),
            o.get("correct").getAsInt(), o.get("incorrect").getAsInt()));
      }
      List<SectionResult> actual = new ArrayList<>(result.sections());
      actual.add(result.total());
      assertThat(actual).as(q.toString().substring(0, 60)).isEqualTo(expectedSections);
      assertThat(result.score()).isEqualTo(q.get("score").getAsDouble());
    }
  }

  @Test
  void analogyQuestionCountsAndSemanticSyntacticSplit() throws IOException {
    AnalogyResult r = text.evaluateWordAnalogies(Fixtures.path("questions.txt"));
    // 30 + 1 capital, 8 + 1 family (the five-word line is not a question), 24 plural,
    // 30 past tense, 1 in the empty section.
    assertThat(r.questionsTotal()).isEqualTo(95);
    assertThat(r.questionsSeen()).isEqualTo(r.total().correct() + r.total().incorrect());
    assertThat(r.seenRatio()).isCloseTo(92.0 / 95, within(1e-12));
    SectionResult sem = r.semantic();
    SectionResult syn = r.syntactic();
    assertThat(sem.correct() + syn.correct()).isEqualTo(r.total().correct());
    assertThat(sem.correct() + sem.incorrect()).isEqualTo(38);
    assertThat(syn.correct() + syn.incorrect()).isEqualTo(54);
  }

  @Test
  void wordPairEvaluationMatchesGensim() throws IOException {
    for (JsonElement e : expected.getAsJsonArray("word_pairs")) {
      JsonObject q = e.getAsJsonObject();
      String file = q.has("file") ? q.get("file").getAsString() : "pairs.tsv";
      String delimiter = q.has("delimiter") ? q.get("delimiter").getAsString() : "\t";
      boolean dummy = q.has("dummy4unknown") && q.get("dummy4unknown").getAsBoolean();
      WordPairResult r = binary.evaluateWordPairs(Fixtures.path(file),
          q.get("restrict_vocab").getAsInt(), q.get("case_insensitive").getAsBoolean(), delimiter,
          dummy);
      assertThat(r.pearson()).isCloseTo(q.get("pearson").getAsDouble(), within(TOLERANCE));
      assertThat(r.spearman()).isCloseTo(q.get("spearman").getAsDouble(), within(TOLERANCE));
      assertThat(r.oovRatio()).isCloseTo(q.get("oov_ratio").getAsDouble(), within(1e-12));
    }
  }

  private static void assertSame(List<ScoredWord> actual, JsonArray expectedPairs, String what) {
    List<String> expectedWords = new ArrayList<>();
    for (JsonElement p : expectedPairs) {
      expectedWords.add(p.getAsJsonArray().get(0).getAsString());
    }
    assertThat(actual.stream().map(ScoredWord::word).toList()).as(what).isEqualTo(expectedWords);
    for (int i = 0; i < actual.size(); i++) {
      assertThat((double) actual.get(i).score()).as(what + " #" + i)
          .isCloseTo(expectedPairs.get(i).getAsJsonArray().get(1).getAsDouble(), within(TOLERANCE));
    }
  }

  private static List<String> strings(JsonArray array) {
    List<String> result = new ArrayList<>();
    for (JsonElement e : array) {
      result.add(e.getAsString());
    }
    return result;
  }
}
