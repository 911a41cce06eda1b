package org.seqlearn.attention.bleu;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * BLEU the way sacreBLEU computes and reports it (Post 2018, "A Call for Clarity in Reporting
 * BLEU Scores"; results equal to sacreBLEU {@value #SACREBLEU_VERSION}): detokenised strings in,
 * the tokenizer applied here ({@code 13a} by default), optional lowercasing, one or more
 * reference streams, {@code exp} smoothing by default, the score on the 0–100 scale, and the
 * signature that says how it was computed, e.g.
 * {@code nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0}.
 *
 * <p>Each segment is lowercased (Java's {@link String#toLowerCase(Locale)} with
 * {@link Locale#ROOT}, which agrees with Python's {@code str.lower} on the full Unicode range
 * including final sigma and dotted İ), stripped of trailing whitespace, tokenised and split;
 * clipped n-gram matches are counted against the per-n-gram maximum over its references, and the
 * brevity penalty uses the closest reference length (ties: the shorter). A reference may be
 * {@code null} for "no reference here" (variable reference counts; the signature then says
 * {@code nrefs:var}); an empty string is a reference of length 0.
 *
 * <p>The signature's {@code version} is the sacreBLEU release whose results this reproduces
 * (the fixtures that prove it come from that release), not seqlearn's version.
 *
 * <p>Instances are immutable and thread-safe; the n-gram counting state lives in a
 * {@link Accumulator}.
 */
public final class SacreBleu {
  /** The sacreBLEU release this class reproduces; the signature's version. */
  public static final String SACREBLEU_VERSION = "2.6.0";

  /** sacreBLEU's floor on log 0, which makes a zero precision give a score of exactly 0. */
  private static final double LOG_ZERO = -9999999999.0;

  private final BleuTokenizer tokenizer;
  private final boolean lowercase;
  private final SacreBleuSmoothing smoothing;
  private final double smoothValue;
  private final int maxOrder;
  private final boolean effectiveOrder;

  private SacreBleu(Builder b) {
    this.tokenizer = b.tokenizer;
    this.lowercase = b.lowercase;
    this.smoothing = b.smoothing;
    this.smoothValue = Double.isNaN(b.smoothValue) ? b.smoothing.defaultValue() : b.smoothValue;
    this.maxOrder = b.maxOrder;
    this.effectiveOrder = b.effectiveOrder;
  }

  /** sacreBLEU's defaults: 13a, mixed case, exp smoothing, BLEU-4, no effective order. */
  public static SacreBleu standard() {
    return builder().build();
  }

  /** A builder starting from sacreBLEU's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The tokens of one segment after lowercasing (if asked), rstrip and the tokenizer. */
  public List<String> tokens(String segment) {
    String s = lowercase ? segment.toLowerCase(Locale.ROOT) : segment;
    return tokenizer.tokenize(PythonText.rstrip(s));
  }

  /**
   * Corpus BLEU.
   *
   * @param hypotheses the system output, one string per segment
   * @param referenceStreams one or more reference streams, each with one string per segment
   *     (or {@code null} where a stream has no reference for a segment)
   */
  public BleuScore corpusScore(List<String> hypotheses,
      List<? extends List<String>> referenceStreams) {
    if (referenceStreams.isEmpty()) {
      throw new IllegalArgumentException("expected at least one reference stream, got none");
    }
    for (int k = 0; k < referenceStreams.size(); k++) {
      if (referenceStreams.get(k).size() != hypotheses.size()) {
        throw new IllegalArgumentException("reference stream " + k + " has "
            + referenceStreams.get(k).size() + " segments, expected " + hypotheses.size()
            + " (one per hypothesis)");
      }
    }
    Accumulator acc = accumulator();
    List<String> refs = new ArrayList<>(referenceStreams.size());
    for (int i = 0; i < hypotheses.size(); i++) {
      refs.clear();
      for (List<String> stream : referenceStreams) {
        refs.add(stream.get(i));
      }
      acc.add(hypotheses.get(i), refs);
    }
    return acc.score();
  }

  /** Sentence BLEU of one hypothesis against its references (no effective order unless set). */
  public BleuScore sentenceScore(String hypothesis, List<String> references) {
    Accumulator acc = accumulator();
    acc.add(hypothesis, references);
    return acc.score();
  }

  /** A streaming corpus scorer that keeps only the sufficient statistics (not thread-safe). */
  public Accumulator accumulator() {
    return new Accumulator();
  }

  /**
   * The signature for {@code references} references per segment (-1 for a varying number):
   * {@code nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0}, or with {@code shortForm}
   * {@code #:1|c:mixed|e:no|tok:13a|s:exp|v:2.6.0}.
   */
  public String signature(int references, boolean shortForm) {
    String smooth = smoothing.label();
    if (smoothing.takesValue()) {
      smooth += "[" + String.format(Locale.ROOT, "%.2f", smoothValue) + "]";
    }
    String nrefs = references < 0 ? "var" : Integer.toString(references);
    String[] keys = shortForm
        ? new String[] {"#", "c", "e", "tok", "s", "v"}
        : new String[] {"nrefs", "case", "eff", "tok", "smooth", "version"};
    String[] values = {nrefs, lowercase ? "lc" : "mixed", effectiveOrder ? "yes" : "no",
        tokenizer.signature(), smooth, SACREBLEU_VERSION};
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < keys.length; i++) {
      sb.append(i == 0 ? "" : "|").append(keys[i]).append(':').append(values[i]);
    }
    return sb.toString();
  }

  /**
   * The score of summed statistics (sacreBLEU's {@code compute_bleu}): 0 when nothing matched at
   * any order; otherwise BP · exp(Σ log pₙ / N) over the N orders (with effective order: up to the
   * last order that has any n-gram), a zero precision contributing log 0 ≈ −1e10 (score 0).
   */
  BleuScore score(long[] counts, long[] totals, long hypothesisLength, long referenceLength) {
    double bp = 1.0;
    if (hypothesisLength < referenceLength) {
      bp = hypothesisLength > 0 ? Math.exp(1.0 - (double) referenceLength / hypothesisLength) : 0;
    }
    double[] precisions = new double[maxOrder];
    boolean any = false;
    for (long c : counts) {
      any |= c != 0;
    }
    if (!any) {
      return new BleuScore(0.0, counts, totals, precisions, bp, hypothesisLength,
          referenceLength);
    }
    double smoothMteval = 1.0;
    int order = maxOrder;
    for (int n = 1; n <= maxOrder; n++) {
      double correct = counts[n - 1];
      double total = totals[n - 1];
      if (smoothing == SacreBleuSmoothing.ADD_K && n > 1) {
        correct += smoothValue;
        total += smoothValue;
      }
      if (total == 0) {
        break;
      }
      if (effectiveOrder) {
        order = n;
      }
      if (correct == 0) {
        if (smoothing == SacreBleuSmoothing.EXP) {
          smoothMteval *= 2;
          precisions[n - 1] = 100.0 / (smoothMteval * total);
        } else if (smoothing == SacreBleuSmoothing.FLOOR) {
          precisions[n - 1] = 100.0 * smoothValue / total;
        }
      } else {
        precisions[n - 1] = 100.0 * correct / total;
      }
    }
    double sum = 0;
    for (int i = 0; i < order; i++) {
      sum += precisions[i] == 0.0 ? LOG_ZERO : Math.log(precisions[i]);
    }
    double score = bp * Math.exp(sum / order);
    return new BleuScore(score, counts, totals, precisions, bp, hypothesisLength,
        referenceLength);
  }

  /** Adds segments one at a time; {@link #score()} scores what was added so far. */
  public final class Accumulator {
    private final NgramMatcher matcher = new NgramMatcher();
    private final int[] matches = new int[maxOrder];
    private final int[] ngrams = new int[maxOrder];
    private final long[] counts = new long[maxOrder];
    private final long[] totals = new long[maxOrder];
    private final List<List<String>> refTokens = new ArrayList<>();
    private long hypothesisLength;
    private long referenceLength;
    private int references = -2;

    private Accumulator() {}

    /**
     * Adds one segment and returns its own statistics as a score (sentence BLEU of it).
     *
     * @param hypothesis the system output for the segment
     * @param references its references; {@code null} entries are skipped, at least one must
     *     remain
     */
    public BleuScore add(String hypothesis, List<String> references) {
      if (hypothesis == null) {
        throw new IllegalArgumentException("expected a hypothesis string, got null");
      }
      refTokens.clear();
      for (String r : references) {
        if (r != null) {
          refTokens.add(tokens(r));
        }
      }
      if (refTokens.isEmpty()) {
        throw new IllegalArgumentException(
            "expected at least one reference for a hypothesis, got none");
      }
      this.references = this.references == -2 || this.references == refTokens.size()
          ? refTokens.size() : -1;
      List<String> hyp = tokens(hypothesis);
      matcher.count(hyp, refTokens, matches, ngrams);
      int[] lengths = new int[refTokens.size()];
      for (int i = 0; i < lengths.length; i++) {
        lengths[i] = refTokens.get(i).size();
      }
      int r = BrevityPenalty.closestReferenceLength(hyp.size(), lengths);
      long[] segCounts = new long[maxOrder];
      long[] segTotals = new long[maxOrder];
      for (int n = 0; n < maxOrder; n++) {
        counts[n] += matches[n];
        totals[n] += ngrams[n];
        segCounts[n] = matches[n];
        segTotals[n] = ngrams[n];
      }
      hypothesisLength += hyp.size();
      referenceLength += r;
      return SacreBleu.this.score(segCounts, segTotals, hyp.size(), r);
    }

    /** The corpus score of the segments added so far. */
    public BleuScore score() {
      return SacreBleu.this.score(counts.clone(), totals.clone(), hypothesisLength,
          referenceLength);
    }

    /** The signature for the segments added so far (nrefs from their reference counts). */
    public String signature(boolean shortForm) {
      return SacreBleu.this.signature(references == -2 ? 0 : references, shortForm);
    }
  }

  /** Options; every setter returns this builder. */
  public static final class Builder {
    private BleuTokenizer tokenizer = BleuTokenizer.forName("13a");
    private boolean lowercase;
    private SacreBleuSmoothing smoothing = SacreBleuSmoothing.EXP;
    private double smoothValue = Double.NaN;
    private int maxOrder = 4;
    private boolean effectiveOrder;

    private Builder() {}

    /** The tokenizer (default {@code 13a}). */
    public Builder tokenizer(BleuTokenizer tokenizer) {
      this.tokenizer = tokenizer;
      return this;
    }

    /** Lowercase hypotheses and references first (signature {@code case:lc}). */
    public Builder lowercase(boolean lowercase) {
      this.lowercase = lowercase;
      return this;
    }

    /** The smoothing method (default {@code exp}). */
    public Builder smoothing(SacreBleuSmoothing smoothing) {
      this.smoothing = smoothing;
      return this;
    }

    /**
     * The value of floor or add-k smoothing; NaN (the default) for the method's default. Like
     * sacreBLEU, exp and none ignore it.
     */
    public Builder smoothValue(double value) {
      this.smoothValue = value;
      return this;
    }

    /** The highest n-gram order N (default 4). */
    public Builder maxOrder(int maxOrder) {
      if (maxOrder < 1) {
        throw new IllegalArgumentException("max n-gram order must be >= 1, got " + maxOrder);
      }
      this.maxOrder = maxOrder;
      return this;
    }

    /**
     * Average only over the orders that have hypothesis n-grams (sacreBLEU's
     * {@code effective_order}, recommended for sentence BLEU).
     */
    public Builder effectiveOrder(boolean effectiveOrder) {
      this.effectiveOrder = effectiveOrder;
      return this;
    }

    /** The configured scorer. */
    public SacreBleu build() {
      return new SacreBleu(this);
    }
  }
}
