package org.seqlearn.audio.ctc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.seqlearn.audio.Fixtures;
import org.seqlearn.audio.ctc.lm.CharTokens;
import org.seqlearn.audio.ctc.lm.NgramModel;
import org.seqlearn.audio.ctc.lm.Smoothing;

class CtcScorersTest {
  private static final CtcAlphabet ALPHABET = CtcAlphabet.blankFirst(" abcdeghilnoprstuvwxyz");

  /** Frames where each listed character has its probability and the rest share what is left. */
  @SafeVarargs
  private static FrameLogProbs frames(Map<Character, Double>... frames) {
    int v = ALPHABET.size();
    float[] out = new float[frames.length * v];
    for (int t = 0; t < frames.length; t++) {
      double left = 1;
      for (double p : frames[t].values()) {
        left -= p;
      }
      for (int s = 0; s < v; s++) {
        Double p = s == 0 ? frames[t].get('_') : frames[t].get((char) ALPHABET.character(s));
        int others = v - frames[t].size();
        out[t * v + s] = (float) Math.log(p != null ? p : left / others);
      }
    }
    return FrameLogProbs.of(out, frames.length, v);
  }

  /** Acoustics that prefer "rad" over "red". */
  private static FrameLogProbs radOrRed() {
    return frames(Map.of('r', 0.9), Map.of('a', 0.5, 'e', 0.4), Map.of('d', 0.9));
  }

  private static String best(CtcScorer<?> scorer, FrameLogProbs lp) {
    CtcPrefixBeamSearch search = scorer == null
        ? new CtcPrefixBeamSearch(CtcBeamOptions.defaults())
        : new CtcPrefixBeamSearch(CtcBeamOptions.defaults(), scorer);
    return ALPHABET.text(search.decode(lp).get(0).tokens());
  }

  private static NgramModel model() throws IOException {
    return CharTokens.train(Fixtures.path("ctc/lm_corpus.txt"), 3, Smoothing.KNESER_NEY, 0.1);
  }

  @Test
  void lexiconLanguageModelAndHotwordsEachTurnRadIntoRed() throws IOException {
    FrameLogProbs lp = radOrRed();
    assertThat(best(null, lp)).isEqualTo("rad");
    assertThat(best(new LexiconScorer(List.of("red", "blue", "call"), ALPHABET), lp))
        .isEqualTo("red");
    assertThat(best(new LanguageModelScorer(model(), ALPHABET, 0.5, 0), lp)).isEqualTo("red");
    assertThat(best(new LanguageModelScorer(model(), ALPHABET, 0, 0), lp)).isEqualTo("rad");
    assertThat(best(new HotwordScorer(List.of("red"), ALPHABET, 0.5), lp)).isEqualTo("red");
    assertThat(best(new HotwordScorer(List.of("re"), ALPHABET, 0.5), lp)).isEqualTo("rad");
  }

  @Test
  void languageModelScoreIsWeightedLogProbabilityPlusWordBonus() throws IOException {
    NgramModel model = model();
    double alpha = 0.7;
    double beta = 1.3;
    FrameLogProbs lp = frames(Map.of('g', 0.8), Map.of('o', 0.8), Map.of(' ', 0.7),
        Map.of('n', 0.8), Map.of('o', 0.8));
    List<CtcHypothesis> n = new CtcPrefixBeamSearch(CtcBeamOptions.defaults().withNBest(5),
        new LanguageModelScorer(model, ALPHABET, alpha, beta)).decode(lp);
    for (CtcHypothesis h : n) {
      String text = ALPHABET.text(h.tokens());
      List<String> context = new ArrayList<>(List.of("<s>", "<s>"));
      double log10 = 0;
      for (String token : CharTokens.of(text)) {
        log10 += model.log10Prob(context, token);
        context.add(token);
      }
      log10 += model.log10Prob(context, "</s>");
      long words = java.util.Arrays.stream(text.split(" ")).filter(w -> !w.isEmpty()).count();
      assertThat(h.score() - h.logProb()).as(text)
          .isCloseTo(alpha * Math.log(10) * log10 + beta * words, within(1e-9));
    }
    assertThat(ALPHABET.text(n.get(0).tokens())).isEqualTo("go no");
  }

  @Test
  void zeroWeightAndBonusChangeNothing() throws IOException {
    Random rng = new Random(11);
    CtcBeamOptions options = CtcBeamOptions.defaults().withBeamWidth(8).withNBest(8);
    LanguageModelScorer idle = new LanguageModelScorer(model(), ALPHABET, 0, 0);
    for (int trial = 0; trial < 5; trial++) {
      FrameLogProbs lp = CtcPrefixBeamSearchTest.randomLogProbs(rng, 10, ALPHABET.size());
      assertThat(new CtcPrefixBeamSearch(options, idle).decode(lp))
          .isEqualTo(new CtcPrefixBeamSearch(options).decode(lp));
    }
  }

  @Test
  void lexiconOutputIsAlwaysMadeOfItsWords() {
    Set<String> words = Set.of("go", "no", "red", "one", "nine");
    LexiconScorer lexicon = new LexiconScorer(words, ALPHABET);
    Random rng = new Random(5);
    for (int trial = 0; trial < 10; trial++) {
      FrameLogProbs lp = CtcPrefixBeamSearchTest.randomLogProbs(rng, 12, ALPHABET.size());
      for (CtcHypothesis h : new CtcPrefixBeamSearch(CtcBeamOptions.defaults().withNBest(16),
          lexicon).decode(lp)) {
        String text = ALPHABET.text(h.tokens());
        if (!text.isEmpty()) {
          assertThat(words).as(text).containsAll(List.of(text.split(" ", -1)));
        }
        assertThat(h.score()).isEqualTo(h.logProb());
      }
    }
  }

  @Test
  void hotwordBonusIsKeptOnlyByCompletedHotwords() {
    FrameLogProbs lp = frames(Map.of('s', 0.9), Map.of('t', 0.9), Map.of('a', 0.5, 'o', 0.4),
        Map.of('p', 0.9));
    HotwordScorer hot = new HotwordScorer(List.of("stop"), ALPHABET, 0.5);
    assertThat(best(null, lp)).isEqualTo("stap");
    List<CtcHypothesis> n =
        new CtcPrefixBeamSearch(CtcBeamOptions.defaults().withNBest(4), hot).decode(lp);
    assertThat(ALPHABET.text(n.get(0).tokens())).isEqualTo("stop");
    assertThat(n.get(0).score() - n.get(0).logProb()).isCloseTo(4 * 0.5, within(1e-12));
    for (CtcHypothesis h : n.subList(1, n.size())) {
      assertThat(h.score()).as(ALPHABET.text(h.tokens())).isCloseTo(h.logProb(), within(1e-12));
    }
  }

  @Test
  void summedScorersAddUp() throws IOException {
    FrameLogProbs lp = radOrRed();
    LanguageModelScorer lm = new LanguageModelScorer(model(), ALPHABET, 0.3, 0.2);
    CtcScorer<Object[]> both = CtcScorers.sum(List.of(lm,
        new LexiconScorer(List.of("red", "rad"), ALPHABET)));
    List<CtcHypothesis> n =
        new CtcPrefixBeamSearch(CtcBeamOptions.defaults().withNBest(2), both).decode(lp);
    List<CtcHypothesis> lmOnly =
        new CtcPrefixBeamSearch(CtcBeamOptions.defaults().withNBest(16), lm).decode(lp);
    for (CtcHypothesis h : n) {
      assertThat(List.of("red", "rad")).contains(ALPHABET.text(h.tokens()));
      CtcHypothesis same = lmOnly.stream()
          .filter(o -> java.util.Arrays.equals(o.tokens(), h.tokens())).findFirst().orElseThrow();
      assertThat(h.score()).isCloseTo(same.score(), within(1e-9));
    }
  }

  @Test
  void badScorerArgumentsAreRejected() {
    assertThatThrownBy(() -> new LexiconScorer(List.of("r d"), ALPHABET))
        .hasMessageContaining("without spaces, got 'r d'");
    assertThatThrownBy(() -> new LexiconScorer(List.of("Red"), ALPHABET))
        .hasMessageContaining("got 'R' in 'Red'");
    assertThatThrownBy(() -> new HotwordScorer(List.of("red"), ALPHABET, -1))
        .hasMessageContaining("bonus >= 0, got -1.0");
    assertThatThrownBy(() -> new CtcAlphabet("_aa", 0)).hasMessageContaining("distinct");
  }
}
