package org.seqlearn.audio.music;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqlearn.audio.midi.PianoRoll;
import org.seqlearn.core.Tensor;

class FrameNllTest {

  /** A 2-key roll from rows of 0/1. */
  private static PianoRoll roll(int[][] rows) {
    PianoRoll r = new PianoRoll(rows.length, 60, rows[0].length);
    for (int t = 0; t < rows.length; t++) {
      for (int k = 0; k < rows[t].length; k++) {
        r.set(t, k, rows[t][k] == 1);
      }
    }
    return r;
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  @Test
  void batchShiftsTargetsByOneStepAndMasksPadding() {
    PianoRoll a = roll(new int[][] {{1, 0}, {0, 1}, {1, 1}});
    PianoRoll b = roll(new int[][] {{0, 0}, {1, 0}});
    RollBatch batch = RollBatch.of(List.of(a, b));
    assertArrayEquals(new int[] {2, 2, 2}, batch.inputs().shape());
    assertArrayEquals(new int[] {2, 1}, batch.lengths());
    assertEquals(3, batch.scoredSteps());
    assertArrayEquals(new float[] {1, 0, 0, 1, 0, 0, 0, 0}, batch.inputs().data());
    assertArrayEquals(new float[] {0, 1, 1, 1, 1, 0, 0, 0}, batch.targets().data());
    assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1, 0, 0}, batch.mask().data());
  }

  @Test
  void frameLossIsTheDirectBinaryCrossEntropySummedOverKeysPerScoredStep() {
    PianoRoll a = roll(new int[][] {{1, 0}, {0, 1}, {1, 1}});
    PianoRoll b = roll(new int[][] {{0, 0}, {1, 0}});
    RollBatch batch = RollBatch.of(List.of(a, b));
    float[] x = {0.5f, -1.5f, 2f, -0.25f, 3f, 0.75f, 40f, -40f};
    Tensor logits = Tensor.wrap(x, 2, 2, 2);
    // scored (target, logit) pairs, written out by hand from the batch above
    double[][] scored = {{0, 0.5}, {1, -1.5}, {1, 2}, {1, -0.25}, {1, 3}, {0, 0.75}};
    double direct = 0;
    for (double[] s : scored) {
      double p = sigmoid(s[1]);
      direct -= s[0] * Math.log(p) + (1 - s[0]) * Math.log(1 - p);
    }
    assertEquals(direct, FrameNll.sum(logits, batch), 1e-9);
    assertEquals(direct / 3, FrameNll.loss(logits, batch).item(), 1e-5);
  }

  @Test
  void extremeLogitsStayFinite() {
    RollBatch batch = RollBatch.of(List.of(roll(new int[][] {{0}, {1}})));
    assertEquals(200.0, FrameNll.sum(Tensor.wrap(new float[] {-200f}, 1, 1, 1), batch), 1e-9);
  }

  @Test
  void evaluationDoesNotDependOnBatchingAndEqualsPiecewiseSums() {
    PolyphonicModel model = new PolyphonicModel(MusicCell.LSTM, 3, 5, 1, 0f, 11L);
    List<PianoRoll> pieces = List.of(
        roll(new int[][] {{1, 0, 1}, {0, 1, 0}, {1, 1, 0}, {0, 0, 1}}),
        roll(new int[][] {{0, 0, 0}, {1, 0, 0}}),
        roll(new int[][] {{1, 1, 1}, {0, 1, 1}, {0, 0, 1}}));
    double total = 0;
    int steps = 0;
    for (PianoRoll p : pieces) {
      RollBatch one = RollBatch.of(List.of(p));
      total += FrameNll.sum(model.forward(one.inputs(), null), one);
      steps += p.steps() - 1;
    }
    assertEquals(total / steps, FrameNll.evaluate(model, pieces, 1), 1e-9);
    assertEquals(total / steps, FrameNll.evaluate(model, pieces, 3), 1e-5);
  }

  @Test
  void rejectsTooShortPiecesAndMixedKeyCounts() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RollBatch.of(List.of(roll(new int[][] {{1, 0}}))));
    assertEquals("expected pieces of at least 2 steps, got 1", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> RollBatch.of(
        List.of(roll(new int[][] {{1, 0}, {0, 0}}), roll(new int[][] {{1}, {0}}))));
  }
}
