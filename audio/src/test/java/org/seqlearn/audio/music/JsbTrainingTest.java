package org.seqlearn.audio.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqlearn.audio.midi.JsbChorales;
import org.seqlearn.audio.midi.PianoRoll;

class JsbTrainingTest {

  /** A piece alternating two chords, fully predictable after its first step. */
  private static PianoRoll alternating(int steps) {
    PianoRoll r = PianoRoll.piano(steps);
    for (int t = 0; t < steps; t++) {
      int[] chord = t % 2 == 0 ? new int[] {39, 43, 46} : new int[] {41, 44, 48};
      for (int k : chord) {
        r.set(t, k, true);
      }
    }
    return r;
  }

  @Test
  void learnsAPredictablePatternFarBelowUniform() {
    List<PianoRoll> pieces = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      pieces.add(alternating(8 + i));
    }
    JsbChorales data = new JsbChorales(pieces, pieces.subList(0, 2), pieces.subList(2, 4));
    JsbTraining.Settings s = JsbTraining.Settings.parse(new String[] {"--data", "unused",
        "--hidden", "8", "--lr", "0.05", "--batch", "2", "--epochs", "40", "--seed", "3"});
    JsbTraining.Result r =
        JsbTraining.run(s, data, new PrintStream(OutputStream.nullOutputStream()));
    // 88 ln 2 = 61.0 nats per step for p = 0.5 everywhere
    assertTrue(r.test() < 2.0, "test NLL " + r.test());
    assertTrue(r.bestEpoch() >= 1 && r.bestEpoch() <= r.epochs());
  }

  @Test
  void rejectsUnknownAndMissingOptions() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> JsbTraining.Settings.parse(new String[] {"--data", "f", "--hiden", "3"}));
    assertEquals("unknown options [hiden]", e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> JsbTraining.Settings.parse(new String[] {"--cell", "lstm"}));
    assertThrows(IllegalArgumentException.class,
        () -> JsbTraining.Settings.parse(new String[] {"--data"}));
  }
}
