package org.seqlearn.layers.decode;

import java.util.Arrays;
import java.util.List;

/**
 * The course's error analysis of one translation: for a source x, a human reference y* and the
 * search's output ŷ, compute log P(y*|x) and log P(ŷ|x) under the model. If the model prefers y*
 * (it scores higher by the objective the search maximised), the search failed to find it and is
 * at fault (a wider beam may help); otherwise the model ranks its wrong output above the
 * reference and the model is at fault.
 *
 * @param referenceLogProb log P(y*|x), the end token included when the options have one
 * @param outputLogProb log P(ŷ|x)
 * @param referenceScore y*'s score as beam search ranks it ({@link BeamSearchOptions#rank}:
 *     length-normalised, plus the coverage penalty)
 * @param outputScore ŷ's score as beam search ranks it
 * @param fault who is at fault
 */
public record ErrorAnalysis(double referenceLogProb, double outputLogProb, double referenceScore,
    double outputScore, Fault fault) {

  /** Which part of the system made the error. */
  public enum Fault {
    /** score(y*) > score(ŷ): the model prefers the reference; the search missed it. */
    SEARCH,
    /** score(y*) ≤ score(ŷ): the model prefers the wrong output. */
    MODEL
  }

  /**
   * Analyses one sentence.
   *
   * @param initial the decoder state for x, one row
   * @param sourceLength x's length Tx (for the coverage penalty), or -1 for all positions
   * @param options the options the search ran with (start and end tokens, length and coverage
   *     penalties)
   * @param reference y*, its tokens without start and end tokens
   * @param output ŷ, its tokens without start and end tokens
   */
  public static <S extends DecoderState<S>> ErrorAnalysis analyse(StepDecoder<S> decoder,
      S initial, int sourceLength, BeamSearchOptions options, int[] reference, int[] output) {
    if (initial.rows() != 1) {
      throw new IllegalArgumentException("expected a state with 1 row, got " + initial.rows());
    }
    int[][] sequences = {withEnd(reference, options.endToken()),
        withEnd(output, options.endToken())};
    List<ForcedDecoding> forced = ForcedDecoding.run(decoder, initial.select(new int[] {0, 0}),
        options.startToken(), sequences);
    int tx = sourceLength < 0 ? Integer.MAX_VALUE : sourceLength;
    double referenceScore = options.rank(forced.get(0).logProb(), sequences[0].length,
        forced.get(0).coveragePenalty(tx, options.coverageBeta()));
    double outputScore = options.rank(forced.get(1).logProb(), sequences[1].length,
        forced.get(1).coveragePenalty(tx, options.coverageBeta()));
    return new ErrorAnalysis(forced.get(0).logProb(), forced.get(1).logProb(), referenceScore,
        outputScore, referenceScore > outputScore ? Fault.SEARCH : Fault.MODEL);
  }

  private static int[] withEnd(int[] tokens, int end) {
    if (end < 0) {
      return tokens.clone();
    }
    int[] out = Arrays.copyOf(tokens, tokens.length + 1);
    out[tokens.length] = end;
    return out;
  }
}
