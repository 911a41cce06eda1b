package org.seqlearn.audio.ctc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CTC prefix beam search (Hannun et al. 2014, "First-pass large vocabulary continuous speech
 * recognition using bi-directional recurrent DNNs"), in log space.
 *
 * <p>Each prefix {@code ℓ} carries two probabilities after frame {@code t}: {@code p_b(ℓ)}, of
 * the alignments of {@code x_1..t} that collapse to {@code ℓ} and end in a blank, and {@code
 * p_nb(ℓ)}, of those ending in {@code ℓ}'s last symbol. A frame extends every kept prefix by every
 * candidate symbol {@code c}: a blank adds to {@code p_b(ℓ)}; a repeat of the last symbol adds to
 * {@code p_nb(ℓ)} (merged) and, from {@code p_b(ℓ)} only, to {@code p_nb(ℓc)}; any other symbol
 * adds to {@code p_nb(ℓc)}. Prefixes are ranked by {@code log(p_b + p_nb)} plus the {@link
 * CtcScorer}'s score (added once per appended token, and once more at the end by {@link
 * CtcScorer#finish}), and the best {@code beamWidth} are kept.
 *
 * <p>With a beam wide enough to keep every prefix and no pruning, {@code logProb} of each
 * hypothesis is exactly {@code log P(ℓ | x)}, the sum over all its alignments. A token's frame is
 * where the dominant alignments emitted it: at each frame a prefix keeps the emission frames of
 * its largest incoming term (a Viterbi choice among the alignment families being summed).
 */
public final class CtcPrefixBeamSearch {
  private static final Comparator<Beam<?>> BY_SCORE =
      Comparator.comparingDouble((Beam<?> b) -> b.score).reversed();

  private final CtcBeamOptions options;
  private final CtcScorer<?> scorer;

  /** A search without scorers (acoustic score only). */
  public CtcPrefixBeamSearch(CtcBeamOptions options) {
    this(options, NoScorer.INSTANCE);
  }

  /** A search whose prefixes are also scored by {@code scorer}. */
  public CtcPrefixBeamSearch(CtcBeamOptions options, CtcScorer<?> scorer) {
    if (options == null || scorer == null) {
      throw new IllegalArgumentException("options and scorer must not be null");
    }
    this.options = options;
    this.scorer = scorer;
  }

  public CtcBeamOptions options() {
    return options;
  }

  /**
   * Decodes one utterance.
   *
   * @param logProbs {@code [frames, symbols]} natural-log probabilities
   * @return up to {@code nBest} hypotheses, best first (fewer when fewer prefixes survive, none
   *     when the scorers forbid every prefix)
   */
  public List<CtcHypothesis> decode(FrameLogProbs logProbs) {
    logProbs.checkBlank(options.blank());
    return run(scorer, logProbs);
  }

  private <S> List<CtcHypothesis> run(CtcScorer<S> scorer, FrameLogProbs logProbs) {
    List<Beam<S>> beams = new ArrayList<>();
    Beam<S> start = new Beam<>(Prefix.EMPTY, 0, scorer.initialState());
    start.blank = 0;
    beams.add(start);
    int blank = options.blank();
    int symbols = logProbs.symbols();
    Integer[] order = new Integer[symbols];
    for (int t = 0; t < logProbs.frames(); t++) {
      int[] candidates = candidates(logProbs, t, order);
      int count = beams.size();
      // childOf[q * symbols + c]: the kept beam whose prefix is beam q's prefix followed by c.
      int[] childOf = children(beams, symbols);
      List<Beam<S>> carried = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        carried.add(null);
      }
      List<Beam<S>> next = new ArrayList<>(count * 4);
      for (int q = 0; q < count; q++) {
        Beam<S> beam = beams.get(q);
        double total = beam.acoustic();
        for (int c : candidates) {
          double p = logProbs.get(t, c);
          if (c == blank) {
            Beam<S> same = carry(carried, next, beams, q, total + p);
            same.blank = logAdd(same.blank, total + p);
            continue;
          }
          double from = total;
          if (c == beam.prefix.last()) {
            Beam<S> same = carry(carried, next, beams, q, beam.nonBlank + p);
            same.nonBlank = logAdd(same.nonBlank, beam.nonBlank + p);
            from = beam.blank;
          }
          if (from == Double.NEGATIVE_INFINITY) {
            continue;
          }
          Prefix node = new Prefix(beam.prefix, c, t);
          Beam<S> ext;
          int existing = childOf[q * symbols + c];
          if (existing >= 0) {
            ext = carry(carried, next, beams, existing, Double.NEGATIVE_INFINITY);
          } else {
            CtcScorer.Step<S> step = scorer.extend(beam.state, c);
            if (step.score() == Double.NEGATIVE_INFINITY) {
              continue;
            }
            ext = new Beam<>(node, beam.extra + step.score(), step.state());
            next.add(ext);
          }
          ext.offer(node, from + p);
          ext.nonBlank = logAdd(ext.nonBlank, from + p);
        }
      }
      beams = prune(next);
    }
    List<Beam<S>> finals = new ArrayList<>();
    for (Beam<S> b : beams) {
      b.score = b.acoustic() + b.extra + scorer.finish(b.state);
      if (b.score > Double.NEGATIVE_INFINITY) {
        finals.add(b);
      }
    }
    finals.sort(BY_SCORE);
    List<CtcHypothesis> out = new ArrayList<>();
    for (int i = 0; i < Math.min(options.nBest(), finals.size()); i++) {
      Beam<S> b = finals.get(i);
      out.add(new CtcHypothesis(b.prefix.tokens(), b.prefix.frames(), b.acoustic(), b.score));
    }
    return out;
  }

  /**
   * The next frame's entry for beam {@code i}'s unchanged prefix (created on first use, in
   * encounter order), offered {@code term}.
   */
  private static <S> Beam<S> carry(List<Beam<S>> carried, List<Beam<S>> next, List<Beam<S>> beams,
      int i, double term) {
    Beam<S> same = carried.get(i);
    if (same == null) {
      Beam<S> beam = beams.get(i);
      same = new Beam<>(beam.prefix, beam.extra, beam.state);
      carried.set(i, same);
      next.add(same);
    }
    same.offer(beams.get(i).prefix, term);
    return same;
  }

  /**
   * For each kept beam q and symbol c, the index of the kept beam whose prefix is q's followed by
   * c, or -1: an extension that meets a kept prefix must add to it, not start a second copy.
   */
  private static <S> int[] children(List<Beam<S>> beams, int symbols) {
    int[] childOf = new int[beams.size() * symbols];
    java.util.Arrays.fill(childOf, -1);
    Map<Prefix, Integer> index = new HashMap<>(beams.size() * 2);
    for (int i = 0; i < beams.size(); i++) {
      index.put(beams.get(i).prefix, i);
    }
    for (int i = 0; i < beams.size(); i++) {
      Prefix p = beams.get(i).prefix;
      if (p.parent != null) {
        Integer parent = index.get(p.parent);
        if (parent != null) {
          childOf[parent * symbols + p.token] = i;
        }
      }
    }
    return childOf;
  }

  private <S> List<Beam<S>> prune(List<Beam<S>> next) {
    List<Beam<S>> all = new ArrayList<>(next.size());
    for (Beam<S> b : next) {
      b.score = b.acoustic() + b.extra;
      if (b.score > Double.NEGATIVE_INFINITY) {
        all.add(b);
      }
    }
    all.sort(BY_SCORE);
    int keep = Math.min(options.beamWidth(), all.size());
    if (keep > 0) {
      double floor = all.get(0).score - options.beamThreshold();
      while (keep > 1 && all.get(keep - 1).score < floor) {
        keep--;
      }
    }
    return new ArrayList<>(all.subList(0, keep));
  }

  /** The frame's symbols that may extend prefixes: top-k, then the log-probability threshold. */
  private int[] candidates(FrameLogProbs logProbs, int t, Integer[] order) {
    int symbols = logProbs.symbols();
    for (int s = 0; s < symbols; s++) {
      order[s] = s;
    }
    Arrays.sort(order, (a, b) -> Float.compare(logProbs.get(t, b), logProbs.get(t, a)));
    int k = Math.min(options.tokensPerFrame(), symbols);
    int[] out = new int[k];
    int n = 0;
    for (int i = 0; i < k; i++) {
      float p = logProbs.get(t, order[i]);
      if (i > 0 && (p < options.tokenLogProbThreshold() || p == Float.NEGATIVE_INFINITY)) {
        break;
      }
      out[n++] = order[i];
    }
    return Arrays.copyOf(out, n);
  }

  static double logAdd(double a, double b) {
    if (a == Double.NEGATIVE_INFINITY) {
      return b;
    }
    if (b == Double.NEGATIVE_INFINITY) {
      return a;
    }
    return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
  }

  /** A kept prefix with its blank/non-blank log probabilities and scorer state. */
  private static final class Beam<S> {
    Prefix prefix;
    final double extra;
    final S state;
    double blank = Double.NEGATIVE_INFINITY;
    double nonBlank = Double.NEGATIVE_INFINITY;
    double score;
    /** The largest term added this frame; {@link #prefix} is the node (frames) it came with. */
    double lead = Double.NEGATIVE_INFINITY;

    Beam(Prefix prefix, double extra, S state) {
      this.prefix = prefix;
      this.extra = extra;
      this.state = state;
    }

    /** Keeps the emission frames of the alignments that contribute most. */
    void offer(Prefix node, double term) {
      if (term > lead) {
        lead = term;
        prefix = node;
      }
    }

    double acoustic() {
      return logAdd(blank, nonBlank);
    }
  }

  /** The scorer that adds nothing. */
  private enum NoScorer implements CtcScorer<Object> {
    INSTANCE;

    private static final Step<Object> STEP = new Step<>(null, 0);

    @Override
    public Object initialState() {
      return null;
    }

    @Override
    public Step<Object> extend(Object state, int token) {
      return STEP;
    }

    @Override
    public double finish(Object state) {
      return 0;
    }
  }
}
