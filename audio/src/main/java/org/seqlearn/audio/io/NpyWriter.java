package org.seqlearn.audio.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.seqlearn.core.io.AtomicFiles;

/**
 * Writes float32 arrays as NumPy {@code .npy} (format 1.0, {@code '<f4'}, C order), readable with
 * {@code numpy.load}.
 */
public final class NpyWriter {
  private NpyWriter() {}

  /** The bytes of an {@code .npy} file holding {@code data} with {@code shape}. */
  public static byte[] encode(float[] data, int... shape) {
    long count = 1;
    for (int d : shape) {
      count *= d;
    }
    if (count != data.length) {
      throw new IllegalArgumentException(
          "shape "
              + java.util.Arrays.toString(shape)
              + " holds "
              + count
              + " values, got "
              + data.length);
    }
    StringBuilder dims = new StringBuilder();
    for (int d : shape) {
      dims.append(d).append(", ");
    }
    String s = dims.toString();
    if (shape.length > 1) {
      s = s.substring(0, s.length() - 2);
    } else if (shape.length == 1) {
      s = s.substring(0, s.length() - 1);
    }
    String header = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + s + "), }";
    int total = 10 + header.length() + 1;
    int pad = (64 - total % 64) % 64;
    header = header + " ".repeat(pad) + "\n";
    ByteBuffer b =
        ByteBuffer.allocate(10 + header.length() + 4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
    b.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
    for (float v : data) {
      b.putFloat(v);
    }
    return b.array();
  }

  /** Writes an {@code .npy} file atomically. */
  public static void write(Path path, float[] data, int... shape) throws IOException {
    AtomicFiles.writeBytes(path, encode(data, shape));
  }
}
