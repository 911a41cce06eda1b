package org.seqlearn.audio.midi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PianoRollTest {
  @Test
  void placesNotesOnTheStepGrid() {
    // 96 ticks per quarter, eighth steps of 48 ticks
    List<Note> notes = List.of(Note.of(60, 90, 0, 96), Note.of(64, 90, 50, 40),
        Note.of(21, 90, 190, 2), Note.of(108, 90, 240, 48));
    PianoRoll roll = PianoRoll.fromNotes(notes, 96, RollStep.EIGHTH, 21, 88);
    assertThat(roll.steps()).isEqualTo(6);
    assertThat(on(roll)).containsExactly(
        "0:39", "1:39", "1:43", "4:0", "5:87"); // 64: 50..90 rounds to steps 1..2
  }

  @Test
  void stepRoundingIsToTheNearestBoundary() {
    assertThat(RollStep.SIXTEENTH.stepOf(59, 240)).isEqualTo(1);
    assertThat(RollStep.SIXTEENTH.stepOf(29, 240)).isEqualTo(0);
    assertThat(RollStep.SIXTEENTH.stepOf(30, 240)).isEqualTo(1);
    assertThat(RollStep.QUARTER.stepOf(719, 480)).isEqualTo(1);
    assertThat(RollStep.QUARTER.stepOf(720, 480)).isEqualTo(2);
    assertThat(RollStep.EIGHTH.tickOf(3, 480)).isEqualTo(720);
  }

  @ParameterizedTest
  @EnumSource(RollStep.class)
  void notesOnTheGridRoundTrip(RollStep step) {
    Random rng = new Random(step.ordinal());
    int tpq = 480;
    long stepTicks = tpq / step.perQuarter();
    for (int trial = 0; trial < 20; trial++) {
      List<Note> notes = new ArrayList<>();
      long[] free = new long[88];
      for (int i = 0; i < 50; i++) {
        int key = rng.nextInt(88);
        // a gap of at least one step between notes of one key, so they do not merge
        long start = free[key] + (1 + rng.nextInt(4)) * stepTicks;
        long duration = (1 + rng.nextInt(6)) * stepTicks;
        free[key] = start + duration;
        notes.add(Note.of(21 + key, 100, start, duration));
      }
      notes.sort(MidiSequence.NOTE_ORDER);
      PianoRoll roll = PianoRoll.fromNotes(notes, tpq, step, 21, 88);
      assertThat(roll.toNotes(tpq, step, 100)).isEqualTo(notes);
    }
  }

  @Test
  void rollsRoundTripThroughNotes() {
    Random rng = new Random(3);
    for (RollStep step : RollStep.values()) {
      PianoRoll roll = PianoRoll.piano(64);
      for (int s = 0; s < 64; s++) {
        for (int k = 0; k < 88; k++) {
          roll.set(s, k, rng.nextInt(5) == 0);
        }
      }
      roll.set(63, 0, true); // the last step sounds, so the length survives
      List<Note> notes = roll.toNotes(100, step, 64);
      assertThat(PianoRoll.fromNotes(notes, 100, step, 21, 88)).isEqualTo(roll);
    }
  }

  @Test
  void touchingNotesOfOneKeyMerge() {
    List<Note> notes = List.of(Note.of(60, 80, 0, 480), Note.of(60, 80, 480, 480));
    PianoRoll roll = PianoRoll.fromNotes(notes, 480, RollStep.QUARTER, 21, 88);
    assertThat(roll.toNotes(480, RollStep.QUARTER, 80)).containsExactly(Note.of(60, 80, 0, 960));
  }

  @Test
  void shortNotesTakeOneStep() {
    PianoRoll roll = PianoRoll.fromNotes(List.of(Note.of(60, 80, 0, 1)), 480,
        RollStep.QUARTER, 21, 88);
    assertThat(on(roll)).containsExactly("0:39");
  }

  @Test
  void refusesPitchesOutsideTheRollAndHugeRolls() {
    assertThatThrownBy(() -> PianoRoll.fromNotes(List.of(Note.of(20, 1, 0, 1)), 96,
        RollStep.QUARTER, 21, 88)).hasMessageContaining("note pitch 20 outside")
        .hasMessageContaining("21..108");
    assertThatThrownBy(() -> PianoRoll.fromNotes(List.of(Note.of(60, 1, 1L << 40, 1)), 96,
        RollStep.QUARTER, 21, 88)).hasMessageContaining("exceeds the maximum of 200000");
    assertThatThrownBy(() -> new PianoRoll(1, 100, 88)).hasMessageContaining("0..127");
  }

  @Test
  void floatsAreRowMajorStepsByKeys() {
    PianoRoll roll = new PianoRoll(2, 60, 3);
    roll.set(1, 2, true);
    assertThat(roll.toFloats()).containsExactly(0, 0, 0, 0, 0, 1);
  }

  static List<String> on(PianoRoll roll) {
    List<String> out = new ArrayList<>();
    for (int s = 0; s < roll.steps(); s++) {
      for (int k = 0; k < roll.keys(); k++) {
        if (roll.get(s, k)) {
          out.add(s + ":" + k);
        }
      }
    }
    return out;
  }
}
