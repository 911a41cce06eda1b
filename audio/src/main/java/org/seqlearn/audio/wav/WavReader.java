package org.seqlearn.audio.wav;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.seqlearn.core.io.NonFinitePolicy;

/**
 * Reads RIFF/WAVE files: PCM 8/16/24/32-bit, IEEE float 32/64-bit, plain or WAVE_FORMAT_EXTENSIBLE,
 * any channel count up to {@link #MAX_CHANNELS} and any positive sample rate.
 *
 * <p>Every size in the file is checked against the bytes actually present before anything is
 * allocated, so a lying or truncated header fails with a {@link WavFormatException} naming the byte
 * offset, never with an out-of-memory. NaN and infinite float samples are rejected unless a {@link
 * NonFinitePolicy} says otherwise.
 */
public final class WavReader {
  /** Largest channel count accepted; more is treated as a corrupt header. */
  public static final int MAX_CHANNELS = 256;

  private static final int FORMAT_EXTENSIBLE = 0xFFFE;

  private WavReader() {}

  /** Reads and decodes a WAV file, rejecting NaN and infinite float samples. */
  public static Audio read(Path path) throws IOException {
    return read(path, NonFinitePolicy.REJECT);
  }

  /**
   * Reads and decodes a WAV file.
   *
   * @param nonFinite what to do with NaN or infinite samples of a float file
   * @throws WavFormatException if the file is malformed; its message starts with the path
   */
  public static Audio read(Path path, NonFinitePolicy nonFinite) throws IOException {
    long size = Files.size(path);
    if (size > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException(path + ": WAV file too large: at most "
          + (Integer.MAX_VALUE - 16) + " bytes, got " + size);
    }
    try {
      return decode(Files.readAllBytes(path), nonFinite);
    } catch (WavFormatException e) {
      throw new WavFormatException(path.toString(), e);
    }
  }

  /** Decodes the bytes of a whole WAV file, rejecting NaN and infinite float samples. */
  public static Audio decode(byte[] file) {
    return decode(file, NonFinitePolicy.REJECT);
  }

  /**
   * Decodes the bytes of a whole WAV file.
   *
   * @param nonFinite what to do with NaN or infinite samples of a float file ({@link
   *     NonFinitePolicy#REJECT}: a {@link WavFormatException} naming the sample's byte offset)
   */
  public static Audio decode(byte[] file, NonFinitePolicy nonFinite) {
    WavHeader h = parseHeader(file);
    float[] samples = samples(file, h);
    if (h.encoding() == WavEncoding.FLOAT_32 || h.encoding() == WavEncoding.FLOAT_64) {
      checkFinite(samples, h, nonFinite);
    }
    if (h.encoding() == WavEncoding.PCM_32) {
      int[] exact = new int[samples.length];
      ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < exact.length; i++) {
        exact[i] = b.getInt(h.dataOffset() + 4 * i);
      }
      return new Audio(h.sampleRate(), h.channels(), samples, exact);
    }
    return new Audio(h.sampleRate(), h.channels(), samples);
  }

  private static void checkFinite(float[] samples, WavHeader h, NonFinitePolicy nonFinite) {
    if (nonFinite == NonFinitePolicy.ALLOW) {
      return;
    }
    int bad = NonFinitePolicy.firstNonFinite(samples, 0, samples.length);
    if (bad < 0) {
      return;
    }
    if (nonFinite == NonFinitePolicy.REJECT) {
      throw new WavFormatException(h.dataOffset() + (long) bad * h.encoding().bytesPerSample(),
          "finite samples (decode with NonFinitePolicy.ALLOW or WARN to accept others)",
          "sample " + bad + " = " + samples[bad]);
    }
    nonFinite.warnIfAny(NonFinitePolicy.countNonFinite(samples, bad, samples.length), "WAV data");
  }

  /** Validates the RIFF structure and returns what the {@code fmt } and {@code data} chunks say. */
  public static WavHeader parseHeader(byte[] file) {
    ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    need(file, 0, 12, "a 12-byte RIFF header");
    expectTag(file, 0, "RIFF");
    long riffSize = b.getInt(4) & 0xFFFFFFFFL;
    if (riffSize + 8 > file.length) {
      throw new WavFormatException(
          4, "RIFF size <= " + (file.length - 8) + " (bytes after the size field)", "" + riffSize);
    }
    expectTag(file, 8, "WAVE");
    int end = (int) (riffSize + 8);
    int pos = 12;
    int[] fmt = null;
    while (pos + 8 <= end) {
      String id = new String(file, pos, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
      long size = b.getInt(pos + 4) & 0xFFFFFFFFL;
      int body = pos + 8;
      if (size > end - body) {
        throw new WavFormatException(
            pos + 4, "'" + id + "' chunk size <= " + (end - body) + " (bytes left)", "" + size);
      }
      if (id.equals("fmt ")) {
        fmt = parseFmt(b, body, (int) size);
      } else if (id.equals("data")) {
        if (fmt == null) {
          throw new WavFormatException(pos, "'fmt ' chunk before 'data'", "'data'");
        }
        return header(fmt, body, (int) size);
      }
      pos = body + (int) size + (int) (size & 1);
    }
    throw new WavFormatException(
        pos, fmt == null ? "a 'fmt ' chunk" : "a 'data' chunk", "end of file at " + file.length);
  }

  private static int[] parseFmt(ByteBuffer b, int at, int size) {
    if (size < 16) {
      throw new WavFormatException(at - 4, "'fmt ' chunk size >= 16", "" + size);
    }
    int tag = b.getShort(at) & 0xFFFF;
    int channels = b.getShort(at + 2) & 0xFFFF;
    long rate = b.getInt(at + 4) & 0xFFFFFFFFL;
    int blockAlign = b.getShort(at + 12) & 0xFFFF;
    int bits = b.getShort(at + 14) & 0xFFFF;
    if (tag == FORMAT_EXTENSIBLE) {
      if (size < 40) {
        throw new WavFormatException(at - 4, "extensible 'fmt ' chunk size >= 40", "" + size);
      }
      tag = b.getShort(at + 24) & 0xFFFF; // first two bytes of the sub-format GUID
    }
    if (channels < 1 || channels > MAX_CHANNELS) {
      throw new WavFormatException(at + 2, "channels in [1, " + MAX_CHANNELS + "]", "" + channels);
    }
    if (rate < 1 || rate > Integer.MAX_VALUE) {
      throw new WavFormatException(at + 4, "sample rate in [1, 2^31)", "" + rate);
    }
    WavEncoding enc = WavEncoding.of(tag, bits);
    if (enc == null) {
      throw new WavFormatException(
          at + 14,
          "PCM (tag 1) with 8/16/24/32 bits or float (tag 3) with 32/64 bits",
          "tag " + tag + " with " + bits + " bits");
    }
    if (blockAlign != channels * enc.bytesPerSample()) {
      throw new WavFormatException(
          at + 12, "block align " + channels * enc.bytesPerSample(), "" + blockAlign);
    }
    return new int[] {enc.ordinal(), channels, (int) rate};
  }

  private static WavHeader header(int[] fmt, int dataOffset, int dataLength) {
    WavEncoding enc = WavEncoding.values()[fmt[0]];
    int frameBytes = fmt[1] * enc.bytesPerSample();
    if (dataLength % frameBytes != 0) {
      throw new WavFormatException(
          dataOffset - 4, "data size a multiple of the frame size " + frameBytes, "" + dataLength);
    }
    return new WavHeader(fmt[2], fmt[1], enc, dataOffset, dataLength);
  }

  private static float[] samples(byte[] file, WavHeader h) {
    int n = h.dataLength() / h.encoding().bytesPerSample();
    float[] out = new float[n];
    ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    int p = h.dataOffset();
    switch (h.encoding()) {
      case PCM_U8 -> {
        for (int i = 0; i < n; i++) {
          out[i] = ((file[p + i] & 0xFF) - 128) / 128f;
        }
      }
      case PCM_16 -> {
        for (int i = 0; i < n; i++) {
          out[i] = b.getShort(p + 2 * i) / 32768f;
        }
      }
      case PCM_24 -> {
        for (int i = 0; i < n; i++, p += 3) {
          int v = (file[p] & 0xFF) | (file[p + 1] & 0xFF) << 8 | file[p + 2] << 16;
          out[i] = v / 8388608f;
        }
      }
      case PCM_32 -> {
        for (int i = 0; i < n; i++) {
          out[i] = (float) (b.getInt(p + 4 * i) / 2147483648.0);
        }
      }
      case FLOAT_32 -> {
        for (int i = 0; i < n; i++) {
          out[i] = b.getFloat(p + 4 * i);
        }
      }
      case FLOAT_64 -> {
        for (int i = 0; i < n; i++) {
          out[i] = (float) b.getDouble(p + 8 * i);
        }
      }
      default -> throw new IllegalStateException(h.encoding().toString());
    }
    return out;
  }

  private static void need(byte[] file, int at, int len, String what) {
    if (file.length < at + len) {
      throw new WavFormatException(at, what, "only " + (file.length - at) + " bytes");
    }
  }

  private static void expectTag(byte[] file, int at, String tag) {
    String found = new String(file, at, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
    if (!found.equals(tag)) {
      throw new WavFormatException(at, "'" + tag + "'", "'" + printable(found) + "'");
    }
  }

  private static String printable(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      sb.append(c >= 32 && c < 127 ? String.valueOf(c) : String.format("\\x%02x", (int) c));
    }
    return sb.toString();
  }
}
