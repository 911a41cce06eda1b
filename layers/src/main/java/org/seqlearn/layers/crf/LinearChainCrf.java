package org.seqlearn.layers.crf;

import org.seqlearn.core.IntTensor;
import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.random.Rng;
import org.seqlearn.layers.Module;
import org.seqlearn.layers.loss.Reduction;

/**
 * A linear-chain conditional random field over {@code K} tags, shaped like pytorch-crf's {@code
 * CRF}: parameters {@code transitions [K, K]} ({@code [i, j]} scores tag {@code i} followed by
 * {@code j}), {@code start_transitions [K]} and {@code end_transitions [K]}, initialised {@code
 * U(-0.1, 0.1)}. The score of a tag path {@code y} for emissions {@code e} (per-token tag scores,
 * e.g. from a BiLSTM) is {@code start[y⟨0⟩] + Σ_t e⟨t⟩[y⟨t⟩] + Σ_t A[y⟨t-1⟩, y⟨t⟩] + end[y⟨L-1⟩]};
 * its probability is {@code exp(score) / Z}, {@code Z} summing over all paths.
 *
 * <p>Emissions are batch-first {@code [B, T, K]}; sample {@code b} uses steps {@code [0,
 * lengths[b])}, so padded steps change nothing. Optional {@link TransitionConstraints} give
 * forbidden transitions score {@code -∞} (their gradient is zero).
 */
public final class LinearChainCrf extends Module {

  private final int tags;
  private final Tensor transitions;
  private final Tensor startTransitions;
  private final Tensor endTransitions;
  private final TransitionConstraints constraints;

  /** Without constraints, seed 0. */
  public LinearChainCrf(int tags) {
    this(tags, null, 0L);
  }

  /**
   * @param tags the number of tags {@code K}
   * @param constraints forbidden transitions, or null for none
   * @param seed seed of the initial parameters
   */
  public LinearChainCrf(int tags, TransitionConstraints constraints, long seed) {
    if (tags < 1) {
      throw new IllegalArgumentException("crf: the number of tags must be positive, got " + tags);
    }
    if (constraints != null && constraints.tags() != tags) {
      throw new IllegalArgumentException("crf: constraints are for " + constraints.tags()
          + " tags, the CRF has " + tags);
    }
    this.tags = tags;
    this.constraints = constraints;
    Rng rng = new Rng(seed);
    startTransitions = registerParameter("start_transitions",
        Tensor.uniform(-0.1f, 0.1f, rng, tags));
    endTransitions = registerParameter("end_transitions", Tensor.uniform(-0.1f, 0.1f, rng, tags));
    transitions = registerParameter("transitions", Tensor.uniform(-0.1f, 0.1f, rng, tags, tags));
  }

  /**
   * The negative log-likelihood {@code log Z - score(gold)} of the gold tags, one autograd node
   * (gradients to the emissions and the three parameters).
   *
   * @param emissions {@code [B, T, K]}
   * @param goldTags {@code [B, T]}, each in {@code [0, K)} within the sample's length (padding
   *     ignored)
   * @param lengths {@code B} lengths in {@code [1, T]}
   * @param reduction NONE gives {@code [B]}; SUM their sum; MEAN their mean over the batch
   * @throws IllegalArgumentException on inconsistent shapes, lengths or tags, or gold tags that
   *     use a forbidden transition
   */
  public Tensor negativeLogLikelihood(Tensor emissions, IntTensor goldTags, int[] lengths,
      Reduction reduction) {
    int[] shape = checkEmissions(emissions, lengths);
    if (reduction == null) {
      throw new IllegalArgumentException("crf: reduction must not be null");
    }
    if (goldTags.rank() != 2 || goldTags.shape()[0] != shape[0]
        || goldTags.shape()[1] != shape[1]) {
      throw new IllegalArgumentException("crf: gold tags must be [" + shape[0] + ", " + shape[1]
          + "], got " + Shape.format(goldTags.shape()));
    }
    int[][] gold = new int[shape[0]][];
    for (int b = 0; b < shape[0]; b++) {
      gold[b] = new int[lengths[b]];
      for (int t = 0; t < lengths[b]; t++) {
        int tag = goldTags.at(b * shape[1] + t);
        if (tag < 0 || tag >= tags) {
          throw new IllegalArgumentException("crf: gold tag " + tag + " (sample " + b + ", step "
              + t + ") must be in [0, " + tags + ")");
        }
        gold[b][t] = tag;
      }
    }
    return new CrfNllFunction(gold, constraints, reduction)
        .apply(emissions, transitions, startTransitions, endTransitions);
  }

  /**
   * The Viterbi (highest-scoring) tag path of each sample; no graph is recorded.
   *
   * @param emissions {@code [B, T, K]}
   * @param lengths {@code B} lengths in {@code [1, T]}
   * @return {@code B} paths of {@code lengths[b]} tags
   */
  public int[][] decode(Tensor emissions, int[] lengths) {
    int[] shape = checkEmissions(emissions, lengths);
    CrfScores scores = CrfScores.of(transitions, startTransitions, endTransitions, constraints);
    return ViterbiDecoder.decode(scores, emissions.data(), shape[0], shape[1], lengths);
  }

  private int[] checkEmissions(Tensor emissions, int[] lengths) {
    int[] shape = emissions.shape();
    if (shape.length != 3 || shape[2] != tags || shape[0] < 1 || shape[1] < 1) {
      throw new IllegalArgumentException("crf: emissions must be [B, T, " + tags + "] with B, T "
          + ">= 1, got " + Shape.format(shape));
    }
    if (lengths.length != shape[0]) {
      throw new IllegalArgumentException("crf: expected " + shape[0] + " lengths, got "
          + lengths.length);
    }
    for (int b = 0; b < lengths.length; b++) {
      if (lengths[b] < 1 || lengths[b] > shape[1]) {
        throw new IllegalArgumentException("crf: length " + lengths[b] + " of sample " + b
            + " must be in [1, " + shape[1] + "]");
      }
    }
    return shape;
  }

  /** The number of tags {@code K}. */
  public int tags() {
    return tags;
  }

  /** {@code transitions [K, K]}: {@code [i, j]} scores tag {@code j} following tag {@code i}. */
  public Tensor transitions() {
    return transitions;
  }

  /** {@code start_transitions [K]}. */
  public Tensor startTransitions() {
    return startTransitions;
  }

  /** {@code end_transitions [K]}. */
  public Tensor endTransitions() {
    return endTransitions;
  }

  /** The constraints, or null. */
  public TransitionConstraints constraints() {
    return constraints;
  }

  @Override
  public String toString() {
    return "LinearChainCrf(" + tags + (constraints == null ? "" : ", constrained") + ")";
  }
}
