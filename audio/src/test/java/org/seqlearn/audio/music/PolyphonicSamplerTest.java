package org.seqlearn.audio.music;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.seqlearn.audio.midi.PianoRoll;
import org.seqlearn.core.Tensor;

class PolyphonicSamplerTest {

  private static PianoRoll primer() {
    PianoRoll p = new PianoRoll(5, 48, 6);
    for (int t = 0; t < 5; t++) {
      p.set(t, t % 6, true);
      p.set(t, 5 - t, true);
    }
    return p;
  }

  @Test
  void sameSeedGivesTheSameRollAndAnotherSeedADifferentOne() {
    for (MusicCell cell : MusicCell.values()) {
      PolyphonicModel model = new PolyphonicModel(cell, 6, 7, 2, 0.3f, 4L);
      PianoRoll a = PolyphonicSampler.sample(model, primer(), 3, 40, 1.0, 99L);
      PianoRoll b = PolyphonicSampler.sample(model, primer(), 3, 40, 1.0, 99L);
      PianoRoll c = PolyphonicSampler.sample(model, primer(), 3, 40, 1.0, 100L);
      assertEquals(a, b);
      assertNotEquals(a, c);
      assertEquals(48, a.lowestPitch());
      assertArrayEquals(Arrays.copyOf(primer().toFloats(), 3 * 6),
          Arrays.copyOf(a.toFloats(), 3 * 6));
      PianoRoll free = PolyphonicSampler.sample(model, null, 0, 40, 1.0, 99L);
      assertEquals(free, PolyphonicSampler.sample(model, null, 0, 40, 1.0, 99L));
      assertEquals(PianoRoll.PIANO_LOWEST, free.lowestPitch());
      assertEquals(40, free.steps());
    }
  }

  @Test
  void steppingWithTheStateEqualsOneForwardPass() {
    PolyphonicModel model = new PolyphonicModel(MusicCell.LSTM, 6, 7, 2, 0f, 4L);
    model.eval();
    float[] roll = primer().toFloats();
    float[] full = model.forward(Tensor.wrap(roll.clone(), 1, 5, 6), null).data();
    PolyphonicModel.Step first = model.run(
        Tensor.wrap(Arrays.copyOf(roll, 2 * 6), 1, 2, 6), null);
    PolyphonicModel.Step rest = model.run(
        Tensor.wrap(Arrays.copyOfRange(roll, 2 * 6, 5 * 6), 1, 3, 6), first.state());
    float[] stepped = new float[5 * 6];
    System.arraycopy(first.logits().data(), 0, stepped, 0, 2 * 6);
    System.arraycopy(rest.logits().data(), 0, stepped, 2 * 6, 3 * 6);
    assertArrayEquals(full, stepped, 1e-5f);
  }

  @Test
  void coldTemperatureFollowsTheLikelierOutcome() {
    PolyphonicModel model = new PolyphonicModel(MusicCell.GRU, 6, 7, 1, 0f, 8L);
    PianoRoll cold = PolyphonicSampler.sample(model, null, 0, 1, 1e-6, 5L);
    float[] logits = model.forward(Tensor.zeros(1, 1, 6), null).data();
    for (int k = 0; k < 6; k++) {
      assertEquals(logits[k] > 0, cold.get(0, k), "key " + k + " logit " + logits[k]);
    }
  }

  @Test
  void rejectsBadArguments() {
    PolyphonicModel model = new PolyphonicModel(MusicCell.GRU, 6, 7, 1, 0f, 8L);
    assertThrows(IllegalArgumentException.class,
        () -> PolyphonicSampler.sample(model, primer(), 6, 10, 1.0, 1L));
    assertThrows(IllegalArgumentException.class,
        () -> PolyphonicSampler.sample(model, null, 0, 10, 0.0, 1L));
    assertThrows(IllegalArgumentException.class,
        () -> PolyphonicSampler.sample(model, PianoRoll.piano(4), 2, 10, 1.0, 1L));
  }
}
