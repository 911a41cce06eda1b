package org.seqlearn.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;

/**
 * Builds a safetensors file from float32 tensors and {@code F64}/{@code I32}/{@code I64} arrays
 * plus string metadata, and writes it atomically (see {@link AtomicFiles}).
 *
 * <p>The output is deterministic and laid out as the reference implementation does it: tensors
 * ordered by descending dtype ({@code I64}, {@code F64}, {@code F32}, {@code I32}) then by name,
 * data packed without gaps, compact JSON with {@code __metadata__} first (its keys sorted), and
 * the header padded with spaces to a multiple of 8 bytes. Arrays are not copied: do not change
 * them until the write has returned.
 *
 * <!-- given: Path path, Tensor weight -->
 * <pre>{@code
 * Safetensors.writer()
 *     .metadata("format", "pt")
 *     .put("weight", weight)
 *     .putLongs("steps", new long[] {1000})
 *     .write(path);
 * }</pre>
 */
public final class SafetensorsWriter {

  private static final int CHUNK_BYTES = 1 << 16;

  private record Entry(String name, DType dtype, int[] shape, Object data) {}

  private final Map<String, Entry> entries = new TreeMap<>();
  private final Map<String, String> metadata = new TreeMap<>();

  SafetensorsWriter() {}

  /** Adds a float32 tensor, stored as {@code F32} with its shape. */
  public SafetensorsWriter put(String name, Tensor tensor) {
    return add(name, DType.F32, tensor.shape(), tensor.data(), tensor.numel());
  }

  /** Adds a float32 array with the given shape, stored as {@code F32}. */
  public SafetensorsWriter putFloats(String name, float[] data, int... shape) {
    return add(name, DType.F32, shape, data, data.length);
  }

  /** Adds a double array with the given shape, stored as {@code F64}. */
  public SafetensorsWriter putDoubles(String name, double[] data, int... shape) {
    return add(name, DType.F64, shape, data, data.length);
  }

  /** Adds an int array with the given shape, stored as {@code I32}. */
  public SafetensorsWriter putInts(String name, int[] data, int... shape) {
    return add(name, DType.I32, shape, data, data.length);
  }

  /** Adds a long array with the given shape, stored as {@code I64}. */
  public SafetensorsWriter putLongs(String name, long[] data, int... shape) {
    return add(name, DType.I64, shape, data, data.length);
  }

  /** Adds (or replaces) one {@code __metadata__} entry. */
  public SafetensorsWriter metadata(String key, String value) {
    if (key == null || value == null) {
      throw new IllegalArgumentException("metadata key and value must not be null, got " + key
          + "=" + value);
    }
    checkUnicode("metadata key", key);
    checkUnicode("metadata value of \"" + key + "\"", value);
    metadata.put(key, value);
    return this;
  }

  /** Adds (or replaces) all entries of {@code map} in {@code __metadata__}. */
  public SafetensorsWriter metadata(Map<String, String> map) {
    map.forEach(this::metadata);
    return this;
  }

  private SafetensorsWriter add(String name, DType dtype, int[] shape, Object data, int length) {
    if (name == null || name.equals(SafetensorsHeader.METADATA_KEY)) {
      throw new IllegalArgumentException("invalid tensor name " + name);
    }
    checkUnicode("tensor name", name);
    if (entries.containsKey(name)) {
      throw new IllegalArgumentException("tensor \"" + name + "\" was already added");
    }
    int n = Shape.numel(shape);
    if (n != length) {
      throw new IllegalArgumentException("tensor \"" + name + "\": " + length
          + " values do not fit shape " + Shape.format(shape) + " (" + n + " elements)");
    }
    entries.put(name, new Entry(name, dtype, shape.clone(), data));
    return this;
  }

  /** Rejects unpaired surrogates, which UTF-8 cannot encode. */
  private static void checkUnicode(String what, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(what + " has an unpaired surrogate U+"
            + Integer.toHexString(c).toUpperCase() + " at index " + i + "; it cannot be UTF-8");
      }
    }
  }

  /** Atomically writes the file to {@code path}; the previous file survives any failure. */
  public void write(Path path) throws IOException {
    AtomicFiles.writeChannel(path, this::writeTo);
  }

  /** The whole file as bytes. */
  public byte[] toByteArray() {
    List<Entry> order = layout();
    byte[] header = header(order);
    long total = 8L + header.length;
    for (Entry e : order) {
      total += (long) Shape.numel(e.shape) * e.dtype.byteSize();
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("a file of " + total + " bytes does not fit an array; "
          + "use write(Path)");
    }
    ByteBuffer out = ByteBuffer.allocate((int) total);
    try {
      writeTo(order, header, new WritableByteChannel() {
        @Override
        public int write(ByteBuffer src) {
          int n = src.remaining();
          out.put(src);
          return n;
        }

        @Override
        public boolean isOpen() {
          return true;
        }

        @Override
        public void close() {}
      });
    } catch (IOException impossible) {
      throw new IllegalStateException(impossible);
    }
    return out.array();
  }

  /** Writes the whole file to {@code channel} (which is not closed). */
  public void writeTo(WritableByteChannel channel) throws IOException {
    List<Entry> order = layout();
    writeTo(order, header(order), channel);
  }

  private void writeTo(List<Entry> order, byte[] header, WritableByteChannel channel)
      throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buf.putLong(header.length);
    drain(buf, channel);
    writeFully(ByteBuffer.wrap(header), channel);
    for (Entry e : order) {
      int n = Shape.numel(e.shape);
      int per = CHUNK_BYTES / e.dtype.byteSize();
      for (int at = 0; at < n; at += per) {
        int count = Math.min(per, n - at);
        buf.clear();
        switch (e.dtype) {
          case F32 -> buf.asFloatBuffer().put((float[]) e.data, at, count);
          case F64 -> buf.asDoubleBuffer().put((double[]) e.data, at, count);
          case I32 -> buf.asIntBuffer().put((int[]) e.data, at, count);
          default -> buf.asLongBuffer().put((long[]) e.data, at, count);
        }
        buf.position(count * e.dtype.byteSize());
        drain(buf, channel);
      }
    }
  }

  private static void drain(ByteBuffer buf, WritableByteChannel channel) throws IOException {
    buf.flip();
    writeFully(buf, channel);
  }

  private static void writeFully(ByteBuffer buf, WritableByteChannel channel) throws IOException {
    while (buf.hasRemaining()) {
      channel.write(buf);
    }
  }

  private List<Entry> layout() {
    List<Entry> order = new ArrayList<>(entries.values());
    order.sort(Comparator.comparing((Entry e) -> e.dtype).reversed()
        .thenComparing(Entry::name, SafetensorsWriter::compareCodePoints));
    return order;
  }

  /** Compact JSON, {@code __metadata__} first, padded with spaces to a multiple of 8 bytes. */
  private byte[] header(List<Entry> order) {
    StringBuilder sb = new StringBuilder("{");
    if (!metadata.isEmpty()) {
      List<String> keys = new ArrayList<>(metadata.keySet());
      keys.sort(SafetensorsWriter::compareCodePoints);
      quote(sb, SafetensorsHeader.METADATA_KEY).append(":{");
      for (int i = 0; i < keys.size(); i++) {
        quote(sb.append(i == 0 ? "" : ","), keys.get(i)).append(':');
        quote(sb, metadata.get(keys.get(i)));
      }
      sb.append('}');
    }
    long offset = 0;
    for (Entry e : order) {
      long bytes = (long) Shape.numel(e.shape) * e.dtype.byteSize();
      quote(sb.append(sb.length() > 1 ? "," : ""), e.name).append(":{\"dtype\":\"")
          .append(e.dtype.name()).append("\",\"shape\":[");
      for (int i = 0; i < e.shape.length; i++) {
        sb.append(i == 0 ? "" : ",").append(e.shape[i]);
      }
      sb.append("],\"data_offsets\":[").append(offset).append(',').append(offset + bytes)
          .append("]}");
      offset += bytes;
    }
    sb.append('}');
    byte[] json = sb.toString().getBytes(StandardCharsets.UTF_8);
    int padded = (json.length + 7) / 8 * 8;
    byte[] out = new byte[padded];
    System.arraycopy(json, 0, out, 0, json.length);
    for (int i = json.length; i < padded; i++) {
      out[i] = ' ';
    }
    return out;
  }

  /** A JSON string the way serde_json writes it: short escapes, other controls as \\u00XX. */
  private static StringBuilder quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"');
  }

  /** Unicode code point order, which is the byte order of UTF-8 (Rust's string order). */
  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
