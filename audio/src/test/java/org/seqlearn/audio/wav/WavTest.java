package org.seqlearn.audio.wav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.seqlearn.audio.Fixtures;

class WavTest {
  @ParameterizedTest
  @CsvSource({
    "pcm_u8_mono, 8000, 1, PCM_U8",
    "pcm16_stereo, 22050, 2, PCM_16",
    "pcm24_3ch, 44100, 3, PCM_24",
    "pcm32_mono, 16000, 1, PCM_32",
    "float32_stereo, 48000, 2, FLOAT_32",
    "float64_mono, 12345, 1, FLOAT_64"
  })
  void readsPythonWrittenFiles(String name, int rate, int channels, WavEncoding enc)
      throws Exception {
    Path p = Fixtures.path("wav/" + name + ".wav");
    Audio a = WavReader.read(p);
    assertThat(a.sampleRate()).isEqualTo(rate);
    assertThat(a.channels()).isEqualTo(channels);
    assertThat(a.frames()).isEqualTo(64);
    assertThat(WavReader.parseHeader(Files.readAllBytes(p)).encoding()).isEqualTo(enc);
    float[] expected = Fixtures.load("wav/" + name).data();
    assertThat(a.interleaved()).containsExactly(expected, org.assertj.core.data.Offset.offset(0f));
  }

  @Test
  void mixesDownToMono() throws Exception {
    Audio a = WavReader.read(Fixtures.path("wav/pcm24_3ch.wav"));
    Fixtures.assertClose(
        "mono", a.mixToMono(), Fixtures.load("wav/pcm24_3ch_mono").data(), 1e-6, 1e-6);
    assertThat(a.channel(2)[2]).isEqualTo(-1f / 8388608f);
  }

  @ParameterizedTest
  @CsvSource({
    "pcm_u8_mono, PCM_U8",
    "pcm16_stereo, PCM_16",
    "pcm24_3ch, PCM_24",
    "pcm32_mono, PCM_32",
    "float32_stereo, FLOAT_32",
    "float64_mono, FLOAT_64"
  })
  void writeThenReadIsLossless(String name, WavEncoding enc, @TempDir Path dir) throws Exception {
    Path src = Fixtures.path("wav/" + name + ".wav");
    Audio a = WavReader.read(src);
    Path out = dir.resolve("out.wav");
    WavWriter.write(out, a, enc);
    assertThat(WavReader.read(out)).isEqualTo(a);
    byte[] orig = Files.readAllBytes(src);
    byte[] mine = Files.readAllBytes(out);
    WavHeader h = WavReader.parseHeader(orig);
    if (enc == WavEncoding.FLOAT_64) {
      return; // samples are held as float32: float64 loses its low bits
    }
    assertThat(Arrays.copyOfRange(mine, 44, mine.length))
        .isEqualTo(Arrays.copyOfRange(orig, h.dataOffset(), h.dataOffset() + h.dataLength()));
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(out); // no temp file left behind
    }
  }

  @Test
  void quantisationClips() {
    Audio a = Audio.mono(8000, new float[] {2f, -2f, 0.5f});
    Audio b = WavReader.decode(WavWriter.encode(a, WavEncoding.PCM_16));
    assertThat(b.interleaved()).containsExactly(32767 / 32768f, -1f, 0.5f);
  }

  private static byte[] valid() {
    return WavWriter.encode(
        Audio.mono(16000, new float[] {0.1f, 0.2f, 0.3f, 0.4f}), WavEncoding.PCM_16);
  }

  private static byte[] patchInt(byte[] b, int at, int v) {
    byte[] c = b.clone();
    ByteBuffer.wrap(c).order(ByteOrder.LITTLE_ENDIAN).putInt(at, v);
    return c;
  }

  private static byte[] patchShort(byte[] b, int at, int v) {
    byte[] c = b.clone();
    ByteBuffer.wrap(c).order(ByteOrder.LITTLE_ENDIAN).putShort(at, (short) v);
    return c;
  }

  @Test
  void hostileHeadersFailWithOffsets() {
    byte[] ok = valid();
    assertThat(WavReader.decode(ok).frames()).isEqualTo(4);
    expectBad(Arrays.copyOf(ok, 7), "offset 0", "12-byte RIFF header");
    expectBad(patchInt(ok, 0, 0x46464952 + 1), "offset 0", "'RIFF'");
    expectBad(patchInt(ok, 4, Integer.MAX_VALUE), "offset 4", "2147483647");
    expectBad(patchInt(ok, 4, -1), "offset 4", "4294967295");
    expectBad(Arrays.copyOf(ok, 50), "offset 4", "RIFF size");
    expectBad(patchInt(patchInt(ok, 40, 0x7FFFFFF0), 4, 36), "offset 40", "'data' chunk size");
    expectBad(patchInt(ok, 40, 1000), "offset 40", "1000");
    expectBad(patchInt(ok, 16, 0x7FFFFFF0), "offset 16", "'fmt ' chunk size");
    expectBad(patchInt(ok, 16, 8), "offset 16", "size >= 16");
    expectBad(patchShort(ok, 22, 60000), "offset 22", "60000");
    expectBad(patchShort(ok, 22, 0), "offset 22", "channels");
    expectBad(patchShort(ok, 34, 12), "offset 34", "12 bits");
    expectBad(patchShort(ok, 20, 2), "offset 34", "tag 2");
    expectBad(patchShort(ok, 32, 7), "offset 32", "block align 2");
    expectBad(patchInt(ok, 24, 0), "offset 24", "sample rate");
    expectBad(patchInt(ok, 40, 3), "offset 40", "multiple of the frame size 2");
    expectBad(patchInt(ok, 36, 0x61746164 + 1), "offset", "'data' chunk");
  }

  @Test
  void rejectsDataBeforeFmt() {
    byte[] b =
        ByteBuffer.allocate(20)
            .order(ByteOrder.LITTLE_ENDIAN)
            .put("RIFF".getBytes())
            .putInt(12)
            .put("WAVE".getBytes())
            .put("data".getBytes())
            .putInt(0)
            .array();
    expectBad(b, "offset 12", "'fmt ' chunk before 'data'");
  }

  private static void expectBad(byte[] file, String... parts) {
    var t = assertThatThrownBy(() -> WavReader.decode(file)).isInstanceOf(WavFormatException.class);
    for (String p : parts) {
      t.hasMessageContaining(p);
    }
  }
}
