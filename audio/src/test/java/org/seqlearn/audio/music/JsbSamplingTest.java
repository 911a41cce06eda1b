package org.seqlearn.audio.music;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqlearn.audio.midi.MidiSequence;
import org.seqlearn.audio.midi.Note;
import org.seqlearn.audio.midi.PianoRoll;

class JsbSamplingTest {

  @Test
  void rollBecomesTransposedQuarterNotes() {
    PianoRoll roll = PianoRoll.piano(3);
    roll.set(0, 60 - 21, true);
    roll.set(1, 60 - 21, true);
    roll.set(2, 64 - 21, true);
    MidiSequence seq = JsbSampling.toMidi(roll, -12, 80);
    assertEquals(List.of(Note.of(48, 80, 0, 960), Note.of(52, 80, 960, 480)), seq.notes());
    assertEquals(480, seq.ticksPerQuarter());
  }
}
