package org.seqlearn.audio.midi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MidiReaderTest {
  @ParameterizedTest
  @ValueSource(strings = {"format0", "format1", "random"})
  void readsWhatMidoReads(String name) throws Exception {
    MidiSequence seq = MidiReader.read(MidiFixtures.midi(name));
    List<MidiFixtures.Expected> want = MidiFixtures.notes(name);
    assertThat(seq.notes()).containsExactlyElementsOf(
        want.stream().map(MidiFixtures.Expected::note).toList());
    for (int i = 0; i < want.size(); i++) {
      assertThat(seq.secondsAt(seq.notes().get(i).startTick()))
          .isCloseTo(want.get(i).onsetSeconds(), within(1e-9));
    }
    assertThat(seq.tempos()).containsExactlyElementsOf(MidiFixtures.tempos(name));
    assertThat(seq.timeSignatures()).containsExactlyElementsOf(MidiFixtures.signatures(name));
    assertThat(seq.format()).isEqualTo(name.equals("format0") ? 0 : 1);
  }

  @Test
  void honoursRunningStatusAndVelocityZeroOffs() {
    // delta 0: 90 3C 40; delta 10 (running): 3E 50; delta 20: 3C 00 (off); delta 5: 3E 00
    byte[] track = {0, (byte) 0x91, 0x3C, 0x40, 10, 0x3E, 0x50, 20, 0x3C, 0, 5, 0x3E, 0,
        0, (byte) 0xFF, 0x2F, 0};
    MidiSequence seq = MidiReader.decode(file(0, 1, 96, track));
    assertThat(seq.notes()).containsExactly(
        new Note(0, 1, 0, 0x3C, 0x40, 0, 30), new Note(0, 1, 0, 0x3E, 0x50, 10, 25));
  }

  @Test
  void dataByteWithoutRunningStatusIsAnError() {
    byte[] track = {0, 0x3C, 0x40, 0, (byte) 0xFF, 0x2F, 0};
    assertThatThrownBy(() -> MidiReader.decode(file(0, 1, 96, track)))
        .isInstanceOf(MidiFormatException.class)
        .hasMessageContaining("offset 23")
        .hasMessageContaining("running status is not in effect");
  }

  @Test
  void metaEventCancelsRunningStatus() {
    byte[] track = {0, (byte) 0x90, 0x3C, 0x40, 0, (byte) 0xFF, 0x01, 1, 'x', 0, 0x3C, 0,
        0, (byte) 0xFF, 0x2F, 0};
    assertThatThrownBy(() -> MidiReader.decode(file(0, 1, 96, track)))
        .isInstanceOf(MidiFormatException.class)
        .hasMessageContaining("running status is not in effect");
  }

  @Test
  void truncatedTrackNamesTheMissingEndOfTrack() {
    byte[] track = {0, (byte) 0x90, 0x3C, 0x40, 10, (byte) 0x80, 0x3C, 0};
    assertThatThrownBy(() -> MidiReader.decode(file(0, 1, 96, track)))
        .isInstanceOf(MidiFormatException.class)
        .hasMessageContaining("offset 30")
        .hasMessageContaining("end-of-track");
  }

  @Test
  void eventCutByTheChunkEndIsAnError() {
    byte[] track = {0, (byte) 0x90, 0x3C};
    assertThatThrownBy(() -> MidiReader.decode(file(0, 1, 96, track)))
        .isInstanceOf(MidiFormatException.class)
        .hasMessageContaining("2 data byte(s) of 0x90");
  }

  @Test
  void lyingChunkLengthIsAnError() {
    byte[] f = file(0, 1, 96, new byte[] {0, (byte) 0xFF, 0x2F, 0});
    f[21] = 0x7F; // MTrk length 0x0000007F but only 4 bytes follow
    assertThatThrownBy(() -> MidiReader.decode(f))
        .isInstanceOf(MidiFormatException.class)
        .hasMessageContaining("offset 18")
        .hasMessageContaining("chunk length <= 4 (bytes left)")
        .hasMessageContaining("found 127");
  }

  @Test
  void lyingMetaLengthIsAnError() {
    byte[] track = {0, (byte) 0xFF, 0x01, (byte) 0x8F, (byte) 0xFF, 0x7F, 'a', 0,
        (byte) 0xFF, 0x2F, 0};
    assertThatThrownBy(() -> MidiReader.decode(file(0, 1, 96, track)))
        .isInstanceOf(MidiFormatException.class)
        .hasMessageContaining("meta event length <=");
  }

  @Test
  void overlongVariableLengthQuantityIsAnError() {
    byte[] track = {(byte) 0x81, (byte) 0x81, (byte) 0x81, (byte) 0x81, 0, (byte) 0xFF, 0x2F, 0};
    assertThatThrownBy(() -> MidiReader.decode(file(0, 1, 96, track)))
        .isInstanceOf(MidiFormatException.class)
        .hasMessageContaining("offset 22")
        .hasMessageContaining("a delta time of at most 4 bytes");
  }

  @Test
  void refusesSmpteFormat2AndMismatchedTrackCount() {
    byte[] eot = {0, (byte) 0xFF, 0x2F, 0};
    assertThatThrownBy(() -> MidiReader.decode(file(0, 1, 0xE728, eot)))
        .hasMessageContaining("SMPTE");
    assertThatThrownBy(() -> MidiReader.decode(file(2, 1, 96, eot)))
        .hasMessageContaining("expected format 0 or 1, found 2");
    assertThatThrownBy(() -> MidiReader.decode(file(0, 2, 96, eot)))
        .hasMessageContaining("1 track in a format-0 file");
    assertThatThrownBy(() -> MidiReader.decode(file(1, 2, 96, eot)))
        .hasMessageContaining("chunk header for track 1 of 2");
    assertThatThrownBy(() -> MidiReader.decode(new byte[] {'M', 'T', 'h'}))
        .hasMessageContaining("14-byte MThd header");
    assertThatThrownBy(() -> MidiReader.decode("RIFF0000WAVEfmt ".getBytes()))
        .hasMessageContaining("expected 'MThd', found 'RIFF'");
  }

  @Test
  void errorsFromAFileNameIt() throws Exception {
    java.nio.file.Path p = Files.createTempFile("bad", ".mid");
    try {
      Files.write(p, new byte[] {'M', 'T', 'h', 'd'});
      assertThatThrownBy(() -> MidiReader.read(p))
          .isInstanceOf(MidiFormatException.class)
          .hasMessageContaining(p.toString() + " at byte offset 0");
    } finally {
      Files.delete(p);
    }
  }

  @Test
  void skipsUnknownChunks() {
    byte[] f = file(0, 1, 96, new byte[] {0, (byte) 0x90, 60, 1, 0, (byte) 0xFF, 0x2F, 0});
    byte[] alien = {'X', 'F', 'I', 'H', 0, 0, 0, 2, 1, 2};
    byte[] g = new byte[f.length + alien.length];
    System.arraycopy(f, 0, g, 0, 14);
    System.arraycopy(alien, 0, g, 14, alien.length);
    System.arraycopy(f, 14, g, 14 + alien.length, f.length - 14);
    assertThat(MidiReader.decode(g).notes()).containsExactly(Note.of(60, 1, 0, 0));
  }

  /** A whole file: MThd with the given fields, then one MTrk chunk holding {@code track}. */
  static byte[] file(int format, int tracks, int division, byte[] track) {
    byte[] f = new byte[22 + track.length];
    byte[] head = {'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, (byte) format, 0, (byte) tracks,
        (byte) (division >> 8), (byte) division, 'M', 'T', 'r', 'k', 0, 0,
        (byte) (track.length >> 8), (byte) track.length};
    System.arraycopy(head, 0, f, 0, 22);
    System.arraycopy(track, 0, f, 22, track.length);
    return f;
  }
}
