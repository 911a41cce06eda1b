package org.seqlearn.audio.midi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MidiWriterTest {
  @ParameterizedTest
  @ValueSource(strings = {"format0", "format1", "random"})
  void roundTripsTheMidoFixtures(String name) throws Exception {
    MidiSequence seq = MidiReader.read(MidiFixtures.midi(name));
    assertThat(MidiReader.decode(MidiWriter.encode(seq))).isEqualTo(seq);
  }

  @Test
  void roundTripsRandomNotesInBothFormats() {
    Random rng = new Random(7);
    for (int trial = 0; trial < 20; trial++) {
      List<Note> notes = new ArrayList<>();
      int tracks = 1 + rng.nextInt(4);
      long[] busyUntil = new long[4 * 12];
      for (int i = 0; i < 60; i++) {
        int track = rng.nextInt(tracks);
        int channel = rng.nextInt(4);
        int key = rng.nextInt(12);
        // one program per (track, channel), so no change lands between two notes of one tick
        int program = (track * 16 + channel * 5) % 128;
        // notes of one key and channel follow each other (MIDI cannot tell nested ones apart)
        long start = busyUntil[channel * 12 + key] + rng.nextInt(100);
        long duration = rng.nextInt(300);
        busyUntil[channel * 12 + key] = start + duration;
        notes.add(new Note(track, channel, program, 30 + key, 1 + rng.nextInt(127), start,
            duration));
      }
      MidiSequence one = new MidiSequence(1, 1 + rng.nextInt(960), notes,
          List.of(new TempoChange(0, 400_000), new TempoChange(1 + rng.nextInt(3000), 650_000)),
          List.of(TimeSignature.of(0, 3, 4), TimeSignature.of(960, 7, 8)));
      assertThat(MidiReader.decode(MidiWriter.encode(one))).isEqualTo(one);
      List<Note> merged = notes.stream().map(n -> new Note(0, n.channel(), n.channel() * 5,
          n.pitch(), n.velocity(), n.startTick(), n.durationTicks())).toList();
      MidiSequence zero = new MidiSequence(0, one.ticksPerQuarter(), merged, one.tempos(),
          one.timeSignatures());
      assertThat(MidiReader.decode(MidiWriter.encode(zero))).isEqualTo(zero);
    }
  }

  @Test
  void nestedNotesOfOneKeyPairFirstInFirstOut() {
    MidiSequence seq = MidiSequence.of(96, 120,
        List.of(Note.of(60, 10, 0, 100), Note.of(60, 20, 10, 50)));
    assertThat(MidiReader.decode(MidiWriter.encode(seq)).notes())
        .containsExactly(Note.of(60, 10, 0, 60), Note.of(60, 20, 10, 90));
  }

  @Test
  void theJdkReadsWhatWeWrite() throws Exception {
    MidiSequence seq = MidiReader.read(MidiFixtures.midi("random"));
    Sequence jdk = MidiSystem.getSequence(new ByteArrayInputStream(MidiWriter.encode(seq)));
    assertThat(jdk.getResolution()).isEqualTo(seq.ticksPerQuarter());
    List<long[]> ons = new ArrayList<>();
    for (int t = 0; t < jdk.getTracks().length; t++) {
      Track track = jdk.getTracks()[t];
      for (int i = 0; i < track.size(); i++) {
        MidiEvent e = track.get(i);
        if (e.getMessage() instanceof ShortMessage m && m.getCommand() == ShortMessage.NOTE_ON
            && m.getData2() > 0) {
          ons.add(new long[] {e.getTick(), t, m.getChannel(), m.getData1(), m.getData2()});
        }
      }
    }
    assertThat(ons).hasSize(seq.notes().size());
    for (Note n : seq.notes()) {
      assertThat(ons).anySatisfy(o -> assertThat(o).containsExactly(
          n.startTick(), n.track(), n.channel(), n.pitch(), n.velocity()));
    }
  }

  @Test
  void writesAtomically(@TempDir Path dir) throws Exception {
    Path p = dir.resolve("x.mid");
    MidiSequence seq = MidiSequence.of(480, 90, List.of(Note.of(60, 100, 0, 480)));
    MidiWriter.write(p, seq);
    assertThat(MidiReader.read(p)).isEqualTo(seq);
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(p);
    }
  }

  @Test
  void refusesADeltaTimeMidiCannotHold() {
    MidiSequence seq = MidiSequence.of(480, 120, List.of(Note.of(60, 100, 1L << 28, 1)));
    assertThatThrownBy(() -> MidiWriter.encode(seq))
        .hasMessageContaining("exceeds the MIDI maximum");
  }
}
