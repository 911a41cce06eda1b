package org.seqlearn.audio.wav;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads RIFF/WAVE files: PCM 8/16/24/32-bit, IEEE float 32/64-bit, plain or WAVE_FORMAT_EXTENSIBLE,
 * any channel count up to {@link #MAX_CHANNELS} and any positive sample rate.
 *
 * <p>Every size in the file is checked against the bytes actually present before anything is
 * allocated, so a lying or truncated header fails with a {@link WavFormatException} naming the byte
 * offset, never with an out-of-memory.
 */
public final class WavReader {
  /** Largest channel count accepted; more is treated as a corrupt header. */
  public static final int MAX_CHANNELS = 256;

  private static final int FORMAT_EXTENSIBLE = 0xFFFE;

  private WavReader() {}

  /** Reads and decodes a WAV file. */
  public static Audio read(Path path) throws IOException {
    long size = Files.size(path);
    if (size > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException(
          "WAV file too large: at most " + (Integer.MAX_VALUE - 16) + " bytes, got " + size);
    }
    return decode(Files.readAllBytes(path));
  }

  /** Decodes the bytes of a whole WAV file. */
  public static Audio decode(byte[] file) {
    WavHeader h = parseHeader(file);
    return new Audio(h.sampleRate(), h.channels(), samples(file, h));
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
