package org.seqlearn.audio.ctc;

import java.util.List;

/** Combining {@link CtcScorer}s. */
public final class CtcScorers {
  private CtcScorers() {}

  /** A scorer whose score is the sum of the given scorers' (their states kept side by side). */
  public static CtcScorer<Object[]> sum(List<? extends CtcScorer<?>> scorers) {
    if (scorers.isEmpty()) {
      throw new IllegalArgumentException("expected at least one scorer, got none");
    }
    List<CtcScorer<?>> parts = List.copyOf(scorers);
    return new CtcScorer<>() {
      @Override
      public Object[] initialState() {
        Object[] s = new Object[parts.size()];
        for (int i = 0; i < s.length; i++) {
          s[i] = parts.get(i).initialState();
        }
        return s;
      }

      @Override
      public Step<Object[]> extend(Object[] state, int token) {
        Object[] next = new Object[state.length];
        double score = 0;
        for (int i = 0; i < next.length; i++) {
          Step<?> step = extendOne(parts.get(i), state[i], token);
          score += step.score();
          if (score == Double.NEGATIVE_INFINITY) {
            return new Step<>(next, score);
          }
          next[i] = step.state();
        }
        return new Step<>(next, score);
      }

      @Override
      public double finish(Object[] state) {
        double score = 0;
        for (int i = 0; i < state.length; i++) {
          score += finishOne(parts.get(i), state[i]);
        }
        return score;
      }
    };
  }

  @SuppressWarnings("unchecked")
  private static <S> CtcScorer.Step<S> extendOne(CtcScorer<S> scorer, Object state, int token) {
    return scorer.extend((S) state, token);
  }

  @SuppressWarnings("unchecked")
  private static <S> double finishOne(CtcScorer<S> scorer, Object state) {
    return scorer.finish((S) state);
  }
}
