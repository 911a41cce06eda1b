package org.seqlearn.audio.wav;

/**
 * What a WAV file's {@code fmt } and {@code data} chunks say, after validation.
 *
 * @param sampleRate samples per second per channel (Hz)
 * @param channels channel count
 * @param encoding sample encoding
 * @param dataOffset byte offset of the first sample in the file
 * @param dataLength bytes of sample data (a whole number of frames)
 */
public record WavHeader(
    int sampleRate, int channels, WavEncoding encoding, int dataOffset, int dataLength) {

  /** Number of frames (samples per channel) in the data chunk. */
  public int frames() {
    return dataLength / (channels * encoding.bytesPerSample());
  }
}
