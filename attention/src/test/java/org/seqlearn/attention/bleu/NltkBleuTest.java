package org.seqlearn.attention.bleu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link NltkBleu} against NLTK 3.8's corpus_bleu / sentence_bleu (fixture nltk.txt). */
class NltkBleuTest {

  @Test
  void matchesNltkOnEveryFixtureCase() {
    List<BleuFixtures.Case> cases = BleuFixtures.read("nltk.txt");
    assertThat(cases).hasSizeGreaterThan(500);
    int errors = 0;
    for (BleuFixtures.Case c : cases) {
      List<String> weightLines = c.all("weights");
      double[][] weights = new double[weightLines.size()][];
      for (int i = 0; i < weights.length; i++) {
        weights[i] = parse(weightLines.get(i));
      }
      double[] sm = c.doubles("smoothing");
      NltkBleu bleu = new NltkBleu(weights,
          new SmoothingFunction((int) sm[0], sm[1], sm[2], sm[3]), c.get("reweigh").equals("1"));
      List<List<List<String>>> refs = new ArrayList<>();
      List<List<String>> hyps = new ArrayList<>();
      for (String[] kv : c.lines()) {
        switch (kv[0]) {
          case "seg" -> refs.add(new ArrayList<>());
          case "hyp" -> hyps.add(BleuFixtures.tokens(kv[1]));
          case "ref" -> refs.get(refs.size() - 1).add(BleuFixtures.tokens(kv[1]));
          default -> { }
        }
      }
      String expect = c.get("expect");
      if (expect.startsWith("error")) {
        errors++;
        assertThatThrownBy(() -> bleu.corpus(refs, hyps)).as(c.name())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3-gram");
        continue;
      }
      double[] expected = parse(expect);
      double[] actual;
      if (c.get("level").equals("sentence") && weights.length == 1) {
        actual = new double[] {bleu.sentenceScore(refs.get(0), hyps.get(0))};
      } else {
        actual = bleu.corpus(refs, hyps).scores();
      }
      assertThat(actual).as(c.name()).hasSameSizeAs(expected);
      for (int i = 0; i < expected.length; i++) {
        assertThat(actual[i]).as(c.name() + " score " + i)
            .isCloseTo(expected[i], BleuFixtures.near(expected[i]));
      }
    }
    assertThat(errors).as("method-6 assertion cases").isPositive();
  }

  @Test
  void streamingEqualsWholeCorpusAndShowsStatistics() {
    List<List<List<String>>> refs = List.of(
        List.of(BleuFixtures.tokens("the cat is on the mat"),
            BleuFixtures.tokens("there is a cat on the mat")),
        List.of(BleuFixtures.tokens("a b c d")));
    List<List<String>> hyps = List.of(BleuFixtures.tokens("the the the the the the the"),
        BleuFixtures.tokens("a b c"));
    NltkBleu bleu = new NltkBleu(SmoothingFunction.method(1));
    NltkBleu.Accumulator acc = bleu.accumulator();
    acc.add(refs.get(0), hyps.get(0));
    acc.add(refs.get(1), hyps.get(1));
    NltkBleu.Result r = acc.result();
    assertThat(r.scores()[0]).isEqualTo(bleu.corpusScore(refs, hyps));
    // "the" is clipped to 2 (its count in the first reference); a, b, c all match.
    assertThat(r.numerators()).containsExactly(2 + 3, 2, 1, 0);
    // NLTK's denominators: 7 + 3, 6 + 2, 5 + 1, 4 + max(1, 0)
    assertThat(r.denominators()).containsExactly(10, 8, 6, 5);
    assertThat(r.hypothesisLength()).isEqualTo(10);
    assertThat(r.referenceLength()).as("closest of 6 and 7 to 7, plus 4").isEqualTo(7 + 4);
  }

  @Test
  void rejectsMissingReferencesAndMismatchedCorpora() {
    NltkBleu bleu = NltkBleu.standard();
    assertThatThrownBy(() -> bleu.sentenceScore(List.of(), List.of("a")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
    assertThatThrownBy(() -> bleu.corpusScore(List.of(), List.of(List.of("a"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0 reference sets and 1 hypotheses");
    assertThatThrownBy(() -> new NltkBleu(new double[0][], SmoothingFunction.method(0), false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SmoothingFunction.method(8))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 8");
  }

  private static double[] parse(String s) {
    String[] parts = s.trim().split(" ");
    double[] out = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = Double.parseDouble(parts[i]);
    }
    return out;
  }
}
