package org.seqlearn.audio.wav;

/**
 * Sample encodings a WAV file can hold: integer PCM at 8 (unsigned), 16, 24 and 32 bits, and IEEE
 * float at 32 and 64 bits.
 *
 * <p>Integer samples map to floats in [-1, 1) by dividing by 2^(bits-1) (8-bit samples are first
 * re-centred at 128), which is what NumPy/SciPy users get from {@code x / 2**(bits-1)}.
 */
public enum WavEncoding {
  /** Unsigned 8-bit PCM, centred at 128. */
  PCM_U8(1, 8),
  /** Signed 16-bit little-endian PCM. */
  PCM_16(1, 16),
  /** Signed 24-bit little-endian PCM. */
  PCM_24(1, 24),
  /** Signed 32-bit little-endian PCM. */
  PCM_32(1, 32),
  /** IEEE 754 32-bit float. */
  FLOAT_32(3, 32),
  /** IEEE 754 64-bit float. */
  FLOAT_64(3, 64);

  /** WAVE_FORMAT_PCM = 1 or WAVE_FORMAT_IEEE_FLOAT = 3. */
  final int formatTag;

  /** Bits per sample in the file. */
  final int bits;

  WavEncoding(int formatTag, int bits) {
    this.formatTag = formatTag;
    this.bits = bits;
  }

  /** Bytes one sample of one channel occupies in the file. */
  public int bytesPerSample() {
    return bits / 8;
  }

  /** Bits per sample in the file. */
  public int bits() {
    return bits;
  }

  /** The encoding for a format tag (1 = PCM, 3 = float) and bit depth, or {@code null}. */
  static WavEncoding of(int formatTag, int bits) {
    for (WavEncoding e : values()) {
      if (e.formatTag == formatTag && e.bits == bits) {
        return e;
      }
    }
    return null;
  }
}
