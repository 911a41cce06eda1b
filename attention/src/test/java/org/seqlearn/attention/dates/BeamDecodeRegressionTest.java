package org.seqlearn.attention.dates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqlearn.attention.seq2seq.DecoderInput;
import org.seqlearn.layers.decode.Hypothesis;

/**
 * Beam decoding of fixed-seed (untrained) date translators gives exactly the n-best tokens,
 * log-probabilities and scores it gave before beams indexed their sentences' shared sources
 * instead of copying them: the expected values were printed by the code at 98bf481 (sources
 * copied on every reordering) on this same model, seed 7, widths 8 and 16, sources of different
 * lengths (padding masks differ per sentence), beam width 4, 3 best.
 */
class BeamDecodeRegressionTest {

  private static final List<String> DATES = List.of("3 may 1979", "05/03/79",
      "tuesday, march 7 2023", "1 jan 2000", "saturday 24 december 1887");

  private static final int[][] CONTEXT_TOKENS = {
      {3, 3, 3, 3, 3, 3, 3, 3, 3, 3},
      {7, 3, 3, 3, 3, 3, 3, 3, 3, 3},
      {3, 7, 3, 3, 3, 3, 3, 3, 3, 3},
      {3, 3, 3, 3, 3, 3, 3, 3, 3, 3},
      {7, 3, 3, 3, 3, 3, 3, 3, 3, 3},
      {3, 7, 3, 3, 3, 3, 3, 3, 3, 3},
      {3, 3, 3, 3, 3, 3, 3, 3, 3, 3},
      {7, 3, 3, 3, 3, 3, 3, 3, 3, 3},
      {3, 7, 3, 3, 3, 3, 3, 3, 3, 3},
      {3, 3, 3, 3, 3, 3, 3, 3, 3, 3},
      {7, 3, 3, 3, 3, 3, 3, 3, 3, 3},
      {3, 7, 3, 3, 3, 3, 3, 3, 3, 3},
      {3, 3, 3, 3, 3, 3, 3, 3, 3, 3},
      {7, 3, 3, 3, 3, 3, 3, 3, 3, 3},
      {3, 7, 3, 3, 3, 3, 3, 3, 3, 3}
  };
  private static final long[] CONTEXT_LOG_PROBS = {
      -4596482934382264320L,
      -4596481980429762560L,
      -4596480421423742976L,
      -4596479402174316544L,
      -4596478861209763840L,
      -4596477419510038528L,
      -4596472135290978304L,
      -4596471345084104704L,
      -4596469982237294592L,
      -4596454336275415040L,
      -4596454003885211648L,
      -4596452983226499072L,
      -4596489781298331648L,
      -4596488251685994496L,
      -4596486344317861888L
  };
  private static final long[] CONTEXT_SCORES = {
      -4611232910222452326L,
      -4611232147060450918L,
      -4611230899855635251L,
      -4611230084456094106L,
      -4611229651684451942L,
      -4611228498324671693L,
      -4611224270949423514L,
      -4611223638783924634L,
      -4611222548506476544L,
      -4611210031736972902L,
      -4611209765824810189L,
      -4611208949297840128L,
      -4611238387755306189L,
      -4611237164065436467L,
      -4611235638170930381L
  };
  private static final int[][] AUTOREGRESSIVE_TOKENS = {
      {4, 4, 4, 9, 9, 10, 4, 4, 4, 9},
      {4, 4, 4, 9, 9, 10, 4, 4, 9, 9},
      {4, 4, 4, 9, 9, 9, 10, 4, 4, 9},
      {4, 4, 4, 9, 9, 6, 4, 4, 4, 9},
      {4, 4, 4, 9, 9, 6, 4, 4, 9, 9},
      {4, 4, 4, 9, 9, 9, 10, 4, 4, 9},
      {4, 4, 4, 9, 9, 10, 4, 4, 4, 9},
      {4, 4, 4, 9, 9, 10, 4, 4, 9, 9},
      {4, 4, 4, 9, 9, 9, 10, 4, 4, 9},
      {4, 4, 4, 9, 9, 10, 4, 4, 4, 9},
      {4, 4, 4, 9, 9, 10, 4, 4, 9, 9},
      {4, 4, 4, 9, 9, 9, 10, 4, 4, 9},
      {4, 4, 4, 9, 9, 10, 4, 4, 4, 9},
      {4, 4, 4, 9, 9, 10, 4, 4, 9, 9},
      {4, 4, 4, 9, 9, 9, 10, 4, 4, 9}
  };
  private static final long[] AUTOREGRESSIVE_LOG_PROBS = {
      -4595519249417502720L,
      -4595502374155452416L,
      -4595499521894514688L,
      -4595530297549783040L,
      -4595524237283819520L,
      -4595503302136823808L,
      -4595514871235215360L,
      -4595495567236268032L,
      -4595492685514539008L,
      -4595520591460564992L,
      -4595504535396417536L,
      -4595501525630976000L,
      -4595515412535312384L,
      -4595497162950836224L,
      -4595494148890427392L
  };
  private static final long[] AUTOREGRESSIVE_SCORES = {
      -4610982658232835351L,
      -4610970385314980585L,
      -4610968310943389510L,
      -4610990693238130129L,
      -4610986285771974842L,
      -4610971060210523415L,
      -4610979474100262726L,
      -4610965434828301033L,
      -4610963339030679924L,
      -4610983634264153367L,
      -4610971957126591581L,
      -4610969768206270464L,
      -4610979867773060561L,
      -4610966595347986991L,
      -4610964403304053295L
  };

  @Test
  void courseFormDecodesAsBefore() {
    check(DecoderInput.CONTEXT, CONTEXT_TOKENS, CONTEXT_LOG_PROBS, CONTEXT_SCORES);
  }

  @Test
  void autoregressiveFormDecodesAsBefore() {
    check(DecoderInput.PREVIOUS_TOKEN_AND_CONTEXT, AUTOREGRESSIVE_TOKENS,
        AUTOREGRESSIVE_LOG_PROBS, AUTOREGRESSIVE_SCORES);
  }

  private static void check(DecoderInput mode, int[][] tokens, long[] logProbs, long[] scores) {
    DateTranslator t = new DateTranslator(mode, 8, 16, 7L);
    List<List<Hypothesis>> n = t.translate(DATES, 4, 3);
    assertThat(n).hasSize(DATES.size());
    int i = 0;
    for (List<Hypothesis> hs : n) {
      assertThat(hs).hasSize(3);
      for (Hypothesis h : hs) {
        assertThat(h.tokens()).as("hypothesis %d", i).isEqualTo(tokens[i]);
        assertThat(h.logProb()).as("log P of hypothesis %d", i)
            .isEqualTo(Double.longBitsToDouble(logProbs[i]));
        assertThat(h.score()).as("score of hypothesis %d", i)
            .isEqualTo(Double.longBitsToDouble(scores[i]));
        i++;
      }
    }
  }
}
