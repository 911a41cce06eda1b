package org.seqlearn.audio.ctc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CtcGreedyDecoderTest {

  @Test
  void collapsesTheCourseExample() {
    String symbols = "_ ehqt";
    String path = "ttt_h_eee___ ___qqq__";
    int[] ids = path.chars().map(symbols::indexOf).toArray();
    StringBuilder text = new StringBuilder();
    for (int id : CtcGreedyDecoder.collapse(ids, 0)) {
      text.append(symbols.charAt(id));
    }
    assertThat(text.toString()).isEqualTo("the q");

    float[] v = new float[ids.length * symbols.length()];
    java.util.Arrays.fill(v, (float) Math.log(0.1));
    for (int t = 0; t < ids.length; t++) {
      v[t * symbols.length() + ids[t]] = (float) Math.log(0.5);
    }
    CtcHypothesis h = new CtcGreedyDecoder(0).decode(FrameLogProbs.of(v, ids.length, 6));
    assertThat(h.tokens()).containsExactly(CtcGreedyDecoder.collapse(ids, 0));
    assertThat(h.frames()).containsExactly(0, 4, 6, 12, 16);
    assertThat(h.logProb()).isEqualTo(h.score());
    assertThat(h.logProb()).isCloseTo(ids.length * Math.log(0.5),
        org.assertj.core.api.Assertions.within(1e-4));
  }

  @Test
  void blankIndexIsAnOption() {
    int[] path = {2, 2, 0, 2, 1, 1, 0};
    assertThat(CtcGreedyDecoder.collapse(path, 2)).containsExactly(0, 1, 0);
    assertThat(CtcGreedyDecoder.collapse(path, 0)).containsExactly(2, 2, 1);
  }
}
