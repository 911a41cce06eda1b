package org.seqlearn.audio.midi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlearn.audio.wav.Audio;
import org.seqlearn.audio.wav.WavReader;

class MidiRendererTest {
  @Test
  void rendersSoundWhereTheNotesAre(@TempDir Path dir) throws Exception {
    // 480 ticks per quarter; 120 bpm for the first bar, then 60 bpm: a quarter note at tick 2400
    // starts at 2 s + 1 quarter at 60 bpm = 3 s and ends at 4 s
    MidiSequence seq = new MidiSequence(1, 480, List.of(Note.of(69, 110, 2400, 480)),
        List.of(new TempoChange(0, 500_000), new TempoChange(1920, 1_000_000)),
        List.of(TimeSignature.of(0, 4, 4)));
    assertThat(seq.secondsAt(2400)).isEqualTo(3.0);
    Path wav = dir.resolve("a.wav");
    MidiRenderer.renderToWav(seq, wav);
    Audio audio = WavReader.read(wav);
    assertThat(audio.sampleRate()).isEqualTo(44_100);
    assertThat(audio.channels()).isEqualTo(2);
    assertThat(audio.frames()).isEqualTo(5 * 44_100); // 4 s to the note-off + 1 s tail
    float[] mono = audio.mixToMono();
    assertThat(rms(mono, 0.0, 2.9)).isLessThan(1e-4);
    assertThat(rms(mono, 3.05, 3.9)).isGreaterThan(0.01);
  }

  @Test
  void refusesOverlongRenders() {
    MidiSequence seq = MidiSequence.of(1, 120, List.of(Note.of(60, 1, 0, 1_000)));
    assertThatThrownBy(() -> MidiRenderer.render(seq, 0)).hasMessageContaining("exceeds");
    assertThatThrownBy(() -> MidiRenderer.render(seq, -1)).hasMessageContaining("tail");
  }

  private static double rms(float[] x, double fromSeconds, double toSeconds) {
    int from = (int) (fromSeconds * 44_100);
    int to = (int) (toSeconds * 44_100);
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += x[i] * x[i];
    }
    return Math.sqrt(sum / (to - from));
  }
}
