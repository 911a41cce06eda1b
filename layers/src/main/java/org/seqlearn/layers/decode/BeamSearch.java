package org.seqlearn.layers.decode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.seqlearn.core.GradMode;

/**
 * Beam search over a {@link StepDecoder}, batched: every output step is one
 * {@link StepDecoder#step} call for all rows, sentences × beams (a sentence's B beams are
 * consecutive rows), and sentences that are done leave the batch.
 *
 * <p>Each step, the unfinished hypotheses of a sentence are expanded by every token and the B
 * best candidates by Σ log P are kept (the course's "keep the B most probable prefixes"; chosen
 * by a bounded heap in one pass, never a sort of all B·V candidates). A kept candidate that ends
 * with the end token is a finished hypothesis and leaves the beam, so the beam narrows as
 * hypotheses finish (its empty rows stay in the batch, so that a sentence always owns B
 * consecutive rows); with B = 1 this is greedy decoding. (fairseq and Hugging Face instead
 * refill the beam to B from the next candidates, which with B = 1 and exact stopping would explore
 * beyond greedy.) Finished hypotheses are ranked by {@link BeamSearchOptions#rank}: the
 * length-normalised log-probability plus the coverage penalty.
 *
 * <p><b>Exact stopping.</b> With {@link Stopping#EXACT} a sentence is done when n hypotheses have
 * finished and no unfinished one can still beat the worst of them. An unfinished hypothesis with
 * log-probability R ≤ 0 and n tokens can only end with a log-probability R′ ≤ R (every
 * log-probability is ≤ 0) and a length L in [max(n, minLength) + 1, maxLength + 1] (end token
 * counted). Its normalised score R′/lp(L) is then at most R/lp(L) ≤ R / max_L lp(L), and since lp
 * is monotone in L that maximum is at one end of the range (for α ≥ 0, at the maximum length:
 * the normaliser grows while the raw score can only fall). The coverage penalty is ≤ 0 (a log of
 * a number ≤ 1), so it adds nothing to the bound. The search stops only when this bound for the
 * best unfinished hypothesis is ≤ the n-th best finished score, so stopping never changes the
 * result: it is the one that running every beam to the maximum length would give. (Rows may
 * carry log-probabilities up to {@value #LOG_PROB_SLACK} from rounding; the bound ignores that.)
 *
 * <p>Beam search itself remains a heuristic: pruning to B beams can drop the prefix of the best
 * sequence, and a wider beam is not guaranteed to find a better one (wider beams keep different
 * prefixes, not only more of them). With B at least the number of candidates at every step
 * nothing is pruned and the result equals exhaustive search.
 *
 * <pre>{@code
 * BeamSearch search = new BeamSearch(BeamSearchOptions.defaults(START, END).beamWidth(5));
 * List<List<Hypothesis>> nBest = search.search(model, model.initialState(sources), lengths);
 * }</pre>
 */
public final class BeamSearch {

  /** Log-probabilities above this are rejected (a little slack for rounding of log-softmax). */
  static final float LOG_PROB_SLACK = 1e-4f;

  private final BeamSearchOptions options;
  private final boolean runToMaxLength;

  /** A search with these options. */
  public BeamSearch(BeamSearchOptions options) {
    this(options, false);
  }

  /** For tests: with {@code runToMaxLength}, never stops a sentence while a beam is alive. */
  BeamSearch(BeamSearchOptions options, boolean runToMaxLength) {
    if (options == null) {
      throw new IllegalArgumentException("options must not be null");
    }
    this.options = options;
    this.runToMaxLength = runToMaxLength;
  }

  /** The options of this search. */
  public BeamSearchOptions options() {
    return options;
  }

  /**
   * Decodes a batch of sentences.
   *
   * @param decoder the model, called once per output step for all live rows
   * @param initial the decoder state with one row per sentence ({@code [batch]} rows)
   * @param sourceLengths {@code [batch]} each sentence's source length Tx (for a linear maximum
   *     length and the coverage penalty), or null when neither needs it
   * @return for each sentence, its n best hypotheses, best first (fewer if fewer than n could
   *     finish, e.g. when banned tokens leave no continuation)
   * @throws IllegalArgumentException if a token id is outside the vocabulary, the source lengths
   *     do not match the batch, a maximum length is below the minimum, or the decoder returns a
   *     NaN or positive log-probability
   */
  public <S extends DecoderState<S>> List<List<Hypothesis>> search(StepDecoder<S> decoder,
      S initial, int[] sourceLengths) {
    requireNormalised(decoder);
    int batch = initial.rows();
    int v = decoder.vocabularySize();
    checkToken("startToken", options.startToken(), v);
    if (options.endToken() >= 0) {
      checkToken("endToken", options.endToken(), v);
    }
    int[] maxLength = options.maxLength().forBatch(batch, sourceLengths);
    int capacity = 1;
    for (int s = 0; s < batch; s++) {
      int least = options.endToken() >= 0 ? options.minLength() : Math.max(1, options.minLength());
      if (maxLength[s] < least) {
        throw new IllegalArgumentException("maximum length of sentence " + s + " is "
            + maxLength[s] + ", below the minimum " + least);
      }
      capacity = Math.max(capacity, maxLength[s] + 1);
    }
    List<FinishedHypotheses> finished = new ArrayList<>(batch);
    for (int s = 0; s < batch; s++) {
      finished.add(new FinishedHypotheses(options.nBest()));
    }
    if (batch > 0) {
      new Run<>(decoder, initial, sourceLengths, maxLength, capacity, finished).decode();
    }
    List<List<Hypothesis>> out = new ArrayList<>(batch);
    for (FinishedHypotheses f : finished) {
      out.add(f.toList());
    }
    return out;
  }

  /** Rejects a decoder that writes logits: comparing rows needs log-probabilities. */
  static void requireNormalised(StepDecoder<?> decoder) {
    if (!decoder.normalised()) {
      throw new IllegalArgumentException("this search needs log-probabilities, but the decoder"
          + " writes unnormalised logits (normalised() is false)");
    }
  }

  private static void checkToken(String name, int token, int v) {
    if (token >= v) {
      throw new IllegalArgumentException(name + " must be in [0, V = " + v + "), got " + token);
    }
  }

  /**
   * The best normalised score any continuation of an unfinished hypothesis can reach (see the
   * class comment).
   *
   * @param logProb its Σ log P so far, ≤ 0
   * @param length its number of tokens
   * @param maxLength the sentence's maximum length
   */
  double bound(double logProb, int length, int maxLength) {
    LengthPenalty penalty = options.lengthPenalty();
    if (penalty == LengthPenalty.NONE || options.alpha() == 0) {
      return logProb;
    }
    int shortest;
    int longest;
    if (options.endToken() >= 0) {
      shortest = Math.max(length, options.minLength()) + 1;
      longest = maxLength + 1;
    } else {
      shortest = maxLength;
      longest = maxLength;
    }
    double largest = Math.max(penalty.normaliser(shortest, options.alpha()),
        penalty.normaliser(longest, options.alpha()));
    return logProb / largest;
  }

  /** One call of {@link #search}: its buffers and its loop. */
  private final class Run<S extends DecoderState<S>> {
    private final StepDecoder<S> decoder;
    private final int[] sourceLengths;
    private final int[] maxLength;
    private final List<FinishedHypotheses> finished;
    private final int width;
    private final int v;
    private final int end;
    private final BeamRows rows;
    private final float[] logProbs;
    private final BestCandidates best;
    private final int[] order;
    private final int[] active;
    private final int[] parents;
    private final int[] nextLast;
    private S state;
    private int[] last;
    private int activeCount;

    Run(StepDecoder<S> decoder, S initial, int[] sourceLengths, int[] maxLength, int capacity,
        List<FinishedHypotheses> finished) {
      this.decoder = decoder;
      this.sourceLengths = sourceLengths;
      this.maxLength = maxLength;
      this.finished = finished;
      int batch = initial.rows();
      width = options.beamWidth();
      v = decoder.vocabularySize();
      end = options.endToken();
      rows = new BeamRows(batch * width, capacity);
      logProbs = new float[batch * width * v];
      best = new BestCandidates(width);
      order = new int[width];
      active = new int[batch];
      parents = new int[batch * width];
      nextLast = new int[batch * width];
      int[] expand = new int[batch * width];
      for (int s = 0; s < batch; s++) {
        active[s] = s;
        Arrays.fill(expand, s * width, (s + 1) * width, s);
        rows.setLogProb(s * width, 0);
      }
      activeCount = batch;
      state = initial.select(expand);
      last = new int[batch * width];
      Arrays.fill(last, options.startToken());
    }

    void decode() {
      for (int t = 0; activeCount > 0; t++) {
        try (GradMode.Scope ignored = GradMode.noGrad()) {
          state = decoder.step(state, last, logProbs);
        }
        if (options.coverageBeta() > 0) {
          rows.addAttention(decoder.lastAttention(), activeCount * width);
        }
        int kept = 0;
        for (int j = 0; j < activeCount; j++) {
          int s = active[j];
          if (!expand(j, kept, s, t)) {
            active[kept++] = s;
          }
        }
        activeCount = kept;
        rows.swap();
        if (kept > 0) {
          last = Arrays.copyOf(nextLast, kept * width);
          state = state.select(Arrays.copyOf(parents, kept * width));
        }
      }
    }

    /**
     * Expands the beams of active sentence j (sentence s, rows [j·B, (j+1)·B)) holding t tokens
     * into next step's rows [slot·B, (slot+1)·B).
     *
     * @return true when the sentence is done
     */
    private boolean expand(int j, int slot, int s, int t) {
      boolean forceEnd = end >= 0 && t == maxLength[s];
      boolean lastStep = end < 0 && t + 1 == maxLength[s];
      best.clear();
      for (int k = 0; k < width; k++) {
        offerCandidates(j * width + k, k * v, t, forceEnd);
      }
      int kept = best.drainBestFirst(order);
      int live = 0;
      double bestLive = Double.NEGATIVE_INFINITY;
      for (int rank = 0; rank < kept; rank++) {
        int c = order[rank];
        int row = j * width + c / v;
        int token = c % v;
        float tokenLogProb = logProbs[row * v + token];
        double total = rows.logProb(row) + tokenLogProb;
        if (token == end || lastStep) {
          int length = t + 1;
          double score = options.rank(total, length,
              rows.coveragePenalty(row, sourceLength(s), options.coverageBeta()));
          if (finished.get(s).accepts(score)) {
            finished.get(s).offer(rows.finish(row, t, token, tokenLogProb, token == end, total,
                score));
          }
        } else {
          int to = slot * width + live;
          rows.extend(to, row, t, token, tokenLogProb, total);
          parents[to] = row;
          nextLast[to] = token;
          if (live == 0) {
            bestLive = total;
          }
          live++;
        }
      }
      for (int k = live; k < width; k++) {
        int to = slot * width + k;
        rows.clear(to);
        parents[to] = j * width;
        nextLast[to] = options.startToken();
      }
      if (live == 0) {
        return true;
      }
      FinishedHypotheses f = finished.get(s);
      if (runToMaxLength || !f.isFull()) {
        return false;
      }
      return options.stopping() == Stopping.EARLY
          || bound(bestLive, t + 1, maxLength[s]) <= f.worstScore();
    }

    /** Offers row r's Σ log P extended by each token, as candidates offset + token. */
    private void offerCandidates(int r, int offset, int t, boolean forceEnd) {
      double base = rows.logProb(r);
      if (base == Double.NEGATIVE_INFINITY) {
        return;
      }
      int at = r * v;
      if (forceEnd) {
        float endLogProb = logProbs[at + end];
        checkLogProb(endLogProb, end, r);
        best.offer(base + endLogProb, offset + end);
        return;
      }
      if (end >= 0 && t < options.minLength()) {
        checkLogProb(logProbs[at + end], end, r);
        logProbs[at + end] = Float.NEGATIVE_INFINITY;
      }
      if (options.noRepeatNgramSize() > 0) {
        banRepeatedNgrams(r, at, t, options.noRepeatNgramSize());
      }
      for (int x = 0; x < v; x++) {
        float lp = logProbs[at + x];
        if (!(lp <= LOG_PROB_SLACK)) {
          checkLogProb(lp, x, r);
        }
        double candidate = base + lp;
        if (candidate > best.threshold()) {
          best.offer(candidate, offset + x);
        }
      }
    }

    private void checkLogProb(float lp, int token, int r) {
      if (!(lp <= LOG_PROB_SLACK)) {
        throw new IllegalArgumentException("log-probabilities must be <= 0, got " + lp
            + " for token " + token + " of row " + r);
      }
    }

    /** Bans each token that would complete an n-gram already in row r's t tokens. */
    private void banRepeatedNgrams(int r, int at, int t, int n) {
      for (int i = 0; i + n <= t; i++) {
        boolean same = true;
        for (int m = 0; m < n - 1 && same; m++) {
          same = rows.token(r, i + m) == rows.token(r, t - n + 1 + m);
        }
        if (same) {
          logProbs[at + rows.token(r, i + n - 1)] = Float.NEGATIVE_INFINITY;
        }
      }
    }

    private int sourceLength(int s) {
      return sourceLengths == null ? Integer.MAX_VALUE : sourceLengths[s];
    }
  }
}
