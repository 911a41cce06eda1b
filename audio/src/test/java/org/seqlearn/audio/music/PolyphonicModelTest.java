package org.seqlearn.audio.music;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqlearn.audio.midi.PianoRoll;
import org.seqlearn.core.GradCheck;
import org.seqlearn.core.Tensor;

class PolyphonicModelTest {

  private static RollBatch tinyBatch() {
    PianoRoll a = new PianoRoll(4, 60, 3);
    PianoRoll b = new PianoRoll(3, 60, 3);
    int[][] on = {{0, 0}, {1, 1}, {1, 2}, {2, 0}, {3, 2}};
    for (int[] s : on) {
      a.set(s[0], s[1], true);
    }
    b.set(0, 1, true);
    b.set(2, 0, true);
    return RollBatch.of(List.of(a, b));
  }

  private static void checkGradients(MusicCell cell) {
    PolyphonicModel model = new PolyphonicModel(cell, 3, 4, 2, 0f, 5L);
    model.eval();
    RollBatch batch = tinyBatch();
    List<Tensor> params = model.parameters();
    GradCheck.check(in -> FrameNll.loss(model.forward(batch.inputs(), batch.lengths()), batch),
        params.toArray(new Tensor[0]));
  }

  @Test
  void lstmLossGradientsMatchFiniteDifferences() {
    checkGradients(MusicCell.LSTM);
  }

  @Test
  void gruLossGradientsMatchFiniteDifferences() {
    checkGradients(MusicCell.GRU);
  }

  @Test
  void logitsHaveOneEntryPerKeyAndStep() {
    PolyphonicModel model = new PolyphonicModel(MusicCell.GRU, 3, 4, 1, 0f, 1L);
    RollBatch batch = tinyBatch();
    assertArrayEquals(new int[] {2, 3, 3},
        model.forward(batch.inputs(), batch.lengths()).shape());
  }

  @Test
  void rejectsBadSizes() {
    assertThrows(IllegalArgumentException.class,
        () -> new PolyphonicModel(MusicCell.LSTM, 0, 4, 1, 0f, 1L));
    assertThrows(IllegalArgumentException.class,
        () -> new PolyphonicModel(MusicCell.LSTM, 3, 4, 1, 1f, 1L));
  }
}
