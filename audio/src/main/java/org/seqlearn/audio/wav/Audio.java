package org.seqlearn.audio.wav;

import java.util.Arrays;

/**
 * Decoded audio: {@code frames × channels} float samples, interleaved, at a sample rate in hertz.
 * Integer PCM is scaled to [-1, 1). Immutable: arrays going in and out are copied.
 *
 * <p>Samples are held as float32 (24-bit mantissa), so 8/16/24-bit PCM and float32 files round-trip
 * exactly, while 32-bit PCM and float64 files are read at float32 precision. Audio read from a
 * 32-bit PCM file also keeps its exact integer samples, so writing it back as 32-bit PCM is
 * byte-identical; {@link #equals} compares the float32 samples only.
 */
public final class Audio {
  private final int sampleRate;
  private final int channels;
  private final float[] samples;
  /** The exact 32-bit PCM samples this audio was decoded from, or null (see {@link #pcm32()}). */
  private final int[] pcm32;

  /**
   * @param sampleRate samples per second per channel, &gt; 0
   * @param channels channel count, &gt; 0
   * @param interleaved samples, frame-major: {@code [frame * channels + channel]}; length must be a
   *     multiple of {@code channels}; copied
   */
  public Audio(int sampleRate, int channels, float[] interleaved) {
    if (sampleRate <= 0) {
      throw new IllegalArgumentException("sample rate must be > 0, got " + sampleRate);
    }
    if (channels <= 0) {
      throw new IllegalArgumentException("channels must be > 0, got " + channels);
    }
    if (interleaved.length % channels != 0) {
      throw new IllegalArgumentException(
          "sample count must be a multiple of channels="
              + channels
              + ", got "
              + interleaved.length);
    }
    this.sampleRate = sampleRate;
    this.channels = channels;
    this.samples = interleaved.clone();
    this.pcm32 = null;
  }

  /** Audio decoded from 32-bit PCM: keeps the exact integers (not copied) next to the floats. */
  Audio(int sampleRate, int channels, float[] interleaved, int[] pcm32) {
    this.sampleRate = sampleRate;
    this.channels = channels;
    this.samples = interleaved;
    this.pcm32 = pcm32;
  }

  /**
   * The exact interleaved samples of the 32-bit PCM file this audio was read from (float32
   * cannot hold them), so that {@link WavWriter} re-encodes such a file byte-identically; null
   * for audio from anywhere else. Not copied: do not modify.
   */
  int[] pcm32() {
    return pcm32;
  }

  /** Mono audio from one channel of samples {@code [frames]}. */
  public static Audio mono(int sampleRate, float[] samples) {
    return new Audio(sampleRate, 1, samples);
  }

  /** Samples per second per channel (Hz). */
  public int sampleRate() {
    return sampleRate;
  }

  /** Number of channels. */
  public int channels() {
    return channels;
  }

  /** Number of frames (samples per channel). */
  public int frames() {
    return samples.length / channels;
  }

  /** Duration in seconds. */
  public double seconds() {
    return frames() / (double) sampleRate;
  }

  /** A copy of the interleaved samples {@code [frames * channels]}. */
  public float[] interleaved() {
    return samples.clone();
  }

  /** One channel's samples {@code [frames]}. */
  public float[] channel(int c) {
    if (c < 0 || c >= channels) {
      throw new IllegalArgumentException("channel must be in [0, " + channels + "), got " + c);
    }
    float[] out = new float[frames()];
    for (int i = 0; i < out.length; i++) {
      out[i] = samples[i * channels + c];
    }
    return out;
  }

  /** The mean of all channels per frame, {@code [frames]} (the samples themselves when mono). */
  public float[] mixToMono() {
    if (channels == 1) {
      return samples.clone();
    }
    float[] out = new float[frames()];
    for (int i = 0; i < out.length; i++) {
      double s = 0;
      for (int c = 0; c < channels; c++) {
        s += samples[i * channels + c];
      }
      out[i] = (float) (s / channels);
    }
    return out;
  }

  @Override
  public String toString() {
    return "Audio[" + sampleRate + " Hz, " + channels + " ch, " + frames() + " frames]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Audio a
        && a.sampleRate == sampleRate
        && a.channels == channels
        && Arrays.equals(a.samples, samples);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * sampleRate + channels) + Arrays.hashCode(samples);
  }
}
