package org.seqlearn.audio.midi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.seqlearn.audio.wav.Audio;
import org.seqlearn.audio.wav.WavEncoding;
import org.seqlearn.audio.wav.WavWriter;

/**
 * Renders a {@link MidiSequence} to audio with the JDK's software synthesizer (Gervill, in
 * {@code javax.sound}: no sound card, no native code, works headless; without a soundbank file it
 * uses its built-in generated instruments).
 *
 * <p>The audio is 44.1 kHz stereo and lasts exactly from time 0 to the last note-off (following
 * the tempo map) plus a release tail, so notes sound at {@link MidiSequence#secondsAt} of their
 * onset tick.
 */
public final class MidiRenderer {
  /** Sample rate of the rendered audio. */
  public static final int SAMPLE_RATE = 44_100;
  /** Longest audio rendered (bounds memory: about 100 MB at this length). */
  public static final double MAX_SECONDS = 300;

  private static final AudioFormat PCM16 =
      new AudioFormat(SAMPLE_RATE, 16, 2, true, false);

  private MidiRenderer() {}

  /**
   * The sequence as stereo audio of {@code secondsAt(endTick) + tailSeconds} seconds.
   *
   * @throws IllegalArgumentException if that exceeds {@link #MAX_SECONDS} or the tail is negative
   */
  public static Audio render(MidiSequence seq, double tailSeconds) {
    if (!(tailSeconds >= 0)) {
      throw new IllegalArgumentException("tail must be >= 0 seconds, got " + tailSeconds);
    }
    double seconds = seq.secondsAt(seq.endTick()) + tailSeconds;
    if (seconds > MAX_SECONDS) {
      throw new IllegalArgumentException("rendering " + seconds + " s exceeds the limit of "
          + MAX_SECONDS + " s");
    }
    int frames = (int) Math.round(seconds * SAMPLE_RATE);
    byte[] pcm;
    try (AudioInputStream synth = AudioSystem.getAudioInputStream(
            new ByteArrayInputStream(MidiWriter.encode(seq)));
        AudioInputStream in = AudioSystem.getAudioInputStream(PCM16, synth)) {
      pcm = in.readNBytes(frames * 4);
    } catch (UnsupportedAudioFileException | IOException e) {
      throw new IllegalStateException("the JDK software synthesizer is unavailable: " + e, e);
    }
    float[] out = new float[frames * 2];
    for (int i = 0; i < pcm.length / 2; i++) {
      out[i] = (short) ((pcm[2 * i] & 0xFF) | pcm[2 * i + 1] << 8) / 32768f;
    }
    return new Audio(SAMPLE_RATE, 2, out);
  }

  /** Renders the sequence with a one-second tail and writes a 16-bit WAV (atomically). */
  public static void renderToWav(MidiSequence seq, Path wav) throws IOException {
    WavWriter.write(wav, render(seq, 1.0), WavEncoding.PCM_16);
  }
}
