package org.seqlearn.audio.wav;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.seqlearn.core.io.AtomicFiles;
import org.seqlearn.core.io.NonFinitePolicy;

/**
 * Writes canonical 44-byte-header WAV files (plain {@code fmt } chunk, tag 1 or 3). Integer PCM is
 * produced by {@code round(x * 2^(bits-1))} clipped to the representable range, so a file read by
 * {@link WavReader} and written back with the same encoding is byte-identical in its samples: for
 * 8/16/24-bit PCM and float32 because float32 holds their samples exactly, for 32-bit PCM because
 * the {@link Audio} read from it keeps its exact integers. NaN or infinite samples cannot be
 * written as integer PCM.
 */
public final class WavWriter {
  private WavWriter() {}

  /** Encodes {@code audio} and writes it to {@code path} atomically (temp file + rename). */
  public static void write(Path path, Audio audio, WavEncoding encoding) throws IOException {
    AtomicFiles.writeBytes(path, encode(audio, encoding));
  }

  /** The bytes of a WAV file holding {@code audio} in {@code encoding}. */
  public static byte[] encode(Audio audio, WavEncoding encoding) {
    float[] x = audio.interleaved();
    int[] exact = encoding == WavEncoding.PCM_32 ? audio.pcm32() : null;
    if (encoding != WavEncoding.FLOAT_32 && encoding != WavEncoding.FLOAT_64) {
      int bad = NonFinitePolicy.firstNonFinite(x, 0, x.length);
      if (bad >= 0) {
        throw new IllegalArgumentException("sample " + bad + " is " + x[bad] + "; expected "
            + "finite samples for integer PCM (" + encoding + ")");
      }
    }
    int bps = encoding.bytesPerSample();
    long dataLen = (long) x.length * bps;
    if (dataLen + 36 > 0xFFFFFFFFL) {
      throw new IllegalArgumentException("WAV data at most 4 GiB, got " + dataLen + " bytes");
    }
    if (dataLen + 44 > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("WAV too large to encode in memory: " + dataLen);
    }
    ByteBuffer b = ByteBuffer.allocate((int) (44 + dataLen)).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (36 + dataLen));
    b.put("WAVE".getBytes(StandardCharsets.US_ASCII));
    b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
    b.putShort((short) encoding.formatTag).putShort((short) audio.channels());
    b.putInt(audio.sampleRate()).putInt(audio.sampleRate() * audio.channels() * bps);
    b.putShort((short) (audio.channels() * bps)).putShort((short) encoding.bits);
    b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) dataLen);
    for (int i = 0; i < x.length; i++) {
      float v = x[i];
      switch (encoding) {
        case PCM_U8 -> b.put((byte) (quantize(v, 128) + 128));
        case PCM_16 -> b.putShort((short) quantize(v, 32768));
        case PCM_24 -> {
          long q = quantize(v, 8388608);
          b.put((byte) q).put((byte) (q >> 8)).put((byte) (q >> 16));
        }
        case PCM_32 -> b.putInt(exact != null ? exact[i] : (int) quantize(v, 2147483648L));
        case FLOAT_32 -> b.putFloat(v);
        case FLOAT_64 -> b.putDouble(v);
        default -> throw new IllegalStateException(encoding.toString());
      }
    }
    return b.array();
  }

  private static long quantize(float v, long full) {
    long q = Math.round(v * (double) full);
    return Math.max(-full, Math.min(full - 1, q));
  }
}
