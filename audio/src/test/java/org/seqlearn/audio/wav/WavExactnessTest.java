package org.seqlearn.audio.wav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlearn.core.io.NonFinitePolicy;

/** Issue 13: PCM-32 re-encodes byte-identically; NaN and infinite samples are not silent. */
class WavExactnessTest {

  @TempDir Path dir;

  /** A 32-bit PCM file of random samples, every bit used. */
  private static byte[] pcm32(int frames, long seed) {
    Random random = new Random(seed);
    ByteBuffer data = ByteBuffer.allocate(4 * frames).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < frames; i++) {
      data.putInt(random.nextInt());
    }
    float[] zeros = new float[frames];
    byte[] file = WavWriter.encode(Audio.mono(8000, zeros), WavEncoding.PCM_32);
    System.arraycopy(data.array(), 0, file, 44, 4 * frames);
    return file;
  }

  @Test
  void pcm32ReEncodesByteIdentically() throws Exception {
    for (long seed = 0; seed < 5; seed++) {
      byte[] file = pcm32(257, seed);
      Path in = dir.resolve("in.wav");
      Files.write(in, file);
      Path out = dir.resolve("out.wav");
      WavWriter.write(out, WavReader.read(in), WavEncoding.PCM_32);
      assertThat(Files.readAllBytes(out)).isEqualTo(file);
      // other encodings of the same audio use the float32 samples
      assertThat(WavReader.decode(WavWriter.encode(WavReader.decode(file), WavEncoding.FLOAT_32)))
          .isEqualTo(WavReader.decode(file));
    }
  }

  @Test
  void nonFiniteFloatSamplesAreRejectedByDefault() throws Exception {
    float[] x = {0.5f, Float.NaN, Float.NEGATIVE_INFINITY, 0f};
    for (WavEncoding e : new WavEncoding[] {WavEncoding.FLOAT_32, WavEncoding.FLOAT_64}) {
      byte[] file = WavWriter.encode(Audio.mono(16000, x), e);
      Path path = dir.resolve("nan.wav");
      Files.write(path, file);
      assertThatThrownBy(() -> WavReader.read(path)).isInstanceOf(WavFormatException.class)
          .hasMessage(path + ": malformed WAV at byte offset " + (44 + e.bytesPerSample())
              + ": expected finite samples (decode with NonFinitePolicy.ALLOW or WARN to accept "
              + "others), found sample 1 = NaN");
      for (NonFinitePolicy p : new NonFinitePolicy[] {NonFinitePolicy.WARN,
          NonFinitePolicy.ALLOW}) {
        assertThat(WavReader.decode(file, p).interleaved()).containsExactly(x);
      }
    }
  }

  @Test
  void nonFiniteSamplesCannotBeWrittenAsIntegerPcm() {
    Audio a = Audio.mono(8000, new float[] {0f, Float.POSITIVE_INFINITY});
    assertThatThrownBy(() -> WavWriter.encode(a, WavEncoding.PCM_16))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sample 1 is Infinity; expected finite samples for integer PCM (PCM_16)");
  }
}
