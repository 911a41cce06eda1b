package org.seqlearn.audio.midi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.seqlearn.audio.midi.PerformanceEvents.NOTE_OFF;
import static org.seqlearn.audio.midi.PerformanceEvents.TIME_SHIFT;
import static org.seqlearn.audio.midi.PerformanceEvents.VELOCITY;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PerformanceEventsTest {
  @Test
  void vocabularyMatchesPerformanceRnn() {
    assertThat(PerformanceEvents.VOCABULARY).isEqualTo(128 + 128 + 100 + 32);
    assertThat(PerformanceEvents.velocityBin(1)).isZero();
    assertThat(PerformanceEvents.velocityBin(4)).isZero();
    assertThat(PerformanceEvents.velocityBin(5)).isEqualTo(1);
    assertThat(PerformanceEvents.velocityBin(127)).isEqualTo(31);
    assertThat(PerformanceEvents.binVelocity(31)).isEqualTo(125);
  }

  @Test
  void encodesAChordThenAMelodyNote() {
    List<PerformanceNote> notes = List.of(new PerformanceNote(60, 100, 0, 0.5),
        new PerformanceNote(64, 100, 0, 0.5), new PerformanceNote(67, 40, 0.5, 2.25));
    assertThat(PerformanceEvents.encode(notes)).containsExactly(
        VELOCITY + 24, 60, 64, TIME_SHIFT + 49, NOTE_OFF + 60, NOTE_OFF + 64, VELOCITY + 9, 67,
        TIME_SHIFT + 99, TIME_SHIFT + 74, NOTE_OFF + 67);
  }

  @Test
  void repeatedKeyIsReleasedBeforeItIsStruckAgain() {
    List<PerformanceNote> notes = List.of(new PerformanceNote(60, 1, 0, 0.1),
        new PerformanceNote(60, 1, 0.1, 0.2), new PerformanceNote(62, 1, 0.2, 0.201));
    assertThat(PerformanceEvents.encode(notes)).containsExactly(VELOCITY, 60, TIME_SHIFT + 9,
        NOTE_OFF + 60, 60, TIME_SHIFT + 9, NOTE_OFF + 60, 62, NOTE_OFF + 62);
    assertThat(PerformanceEvents.decode(PerformanceEvents.encode(notes))).containsExactly(
        new PerformanceNote(60, 1, 0, 0.1), new PerformanceNote(60, 1, 0.1, 0.2),
        new PerformanceNote(62, 1, 0.2, 0.2));
  }

  @Test
  void quantizedNotesRoundTrip() {
    Random rng = new Random(11);
    for (int trial = 0; trial < 50; trial++) {
      List<PerformanceNote> notes = new ArrayList<>();
      long[] free = new long[128];
      for (int i = 0; i < 40; i++) {
        int pitch = rng.nextInt(128);
        long start = free[pitch] + rng.nextInt(300);
        long end = start + rng.nextInt(250);
        free[pitch] = end + 1;
        int velocity = PerformanceEvents.binVelocity(rng.nextInt(32));
        notes.add(new PerformanceNote(pitch, velocity, start / 100.0, end / 100.0));
      }
      notes.sort(Comparator.comparingDouble(PerformanceNote::startSeconds)
          .thenComparingInt(PerformanceNote::pitch)
          .thenComparingDouble(PerformanceNote::endSeconds));
      int[] tokens = PerformanceEvents.encode(notes);
      assertThat(java.util.Arrays.stream(tokens).min().getAsInt()).isNotNegative();
      assertThat(java.util.Arrays.stream(tokens).max().getAsInt()).isLessThan(388);
      assertThat(PerformanceEvents.decode(tokens)).isEqualTo(notes);
    }
  }

  @Test
  void decodingSampledTokensIsTolerant() {
    // an off without an on, a note-on before any velocity, a note left sounding
    int[] tokens = {NOTE_OFF + 5, 70, TIME_SHIFT + 19, 71, TIME_SHIFT};
    assertThat(PerformanceEvents.decode(tokens)).containsExactly(
        new PerformanceNote(70, 61, 0, 0.21), new PerformanceNote(71, 61, 0.2, 0.21));
    assertThatThrownBy(() -> PerformanceEvents.decode(new int[] {1, 388}))
        .hasMessageContaining("token 1 must be in 0..387, got 388");
  }

  @Test
  void midiSequencesConvertThroughSeconds() throws Exception {
    MidiSequence seq = MidiReader.read(MidiFixtures.midi("format1"));
    List<PerformanceNote> notes = PerformanceEvents.notesOf(seq);
    assertThat(notes).hasSize(seq.notes().size());
    // 480 ticks per quarter at 120 bpm up to tick 1920: the note at tick 480 starts at 0.5 s
    assertThat(notes).contains(new PerformanceNote(73, 90, 0.5, 0.875));
    MidiSequence back = PerformanceEvents.toSequence(notes);
    assertThat(back.notes()).contains(Note.of(73, 90, 500, 375));
    assertThatThrownBy(() -> PerformanceEvents.encode(
        List.of(new PerformanceNote(60, 1, 0, 1e9)))).hasMessageContaining("after the limit");
  }
}
