package org.seqlearn.audio.ctc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.seqlearn.audio.ctc.lm.CharTokens;
import org.seqlearn.audio.ctc.lm.NgramCounts;
import org.seqlearn.audio.ctc.lm.NgramModel;

/**
 * Shallow fusion of a character n-gram language model (Hannun et al.'s {@code α log P_lm(ℓ) + β
 * |ℓ|_words}): each appended character adds {@code lmWeight · ln P_lm(c | previous n - 1
 * characters)}, each word started adds {@code wordBonus}, and the end of the utterance adds {@code
 * lmWeight · ln P_lm(</s> | …)}. The context starts as {@code n - 1} sentence-start pads, as the
 * model was counted ({@link NgramCounts}). LM look-ups are cached per (context, character) for the
 * scorer's lifetime; make one scorer per corpus, not per process, when decoding a lot of audio.
 */
public final class LanguageModelScorer implements CtcScorer<LanguageModelScorer.State> {
  private static final double LN10 = Math.log(10);

  private final NgramModel model;
  private final CtcAlphabet alphabet;
  private final double lmWeight;
  private final double wordBonus;
  private final Map<String, Double> cache = new ConcurrentHashMap<>();

  /** The language-model context and whether a word is open. */
  public record State(List<String> context, boolean inWord) {}

  /**
   * @param model a character model (tokens from {@link CharTokens})
   * @param lmWeight {@code α ≥ 0}
   * @param wordBonus {@code β}, added once per word (negative values penalise insertions)
   */
  public LanguageModelScorer(NgramModel model, CtcAlphabet alphabet, double lmWeight,
      double wordBonus) {
    if (!(lmWeight >= 0) || !Double.isFinite(lmWeight) || !Double.isFinite(wordBonus)) {
      throw new IllegalArgumentException("expected a finite lmWeight >= 0 and a finite word "
          + "bonus, got " + lmWeight + " and " + wordBonus);
    }
    this.model = model;
    this.alphabet = alphabet;
    this.lmWeight = lmWeight;
    this.wordBonus = wordBonus;
  }

  @Override
  public State initialState() {
    List<String> pads = new ArrayList<>();
    for (int i = 0; i < model.order() - 1; i++) {
      pads.add(NgramCounts.BOS);
    }
    return new State(List.copyOf(pads), false);
  }

  @Override
  public Step<State> extend(State state, int token) {
    String word = CharTokens.token(alphabet.character(token));
    double score = lmWeight == 0 ? 0 : lmWeight * LN10 * log10(state.context(), word);
    boolean space = alphabet.isSpace(token);
    if (!space && !state.inWord()) {
      score += wordBonus;
    }
    List<String> next = new ArrayList<>(state.context());
    next.add(word);
    if (next.size() > model.order() - 1) {
      next.remove(0);
    }
    return new Step<>(new State(List.copyOf(next), !space), score);
  }

  @Override
  public double finish(State state) {
    return lmWeight == 0 ? 0 : lmWeight * LN10 * log10(state.context(), NgramCounts.EOS);
  }

  private double log10(List<String> context, String word) {
    String key = String.join(" ", context) + "\u0000" + word;
    return cache.computeIfAbsent(key, k -> model.log10Prob(context, word));
  }
}
