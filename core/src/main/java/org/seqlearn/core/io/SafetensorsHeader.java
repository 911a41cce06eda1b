package org.seqlearn.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.seqlearn.core.Shape;

/**
 * Reads and validates the header of a safetensors file before any tensor data is touched.
 *
 * <p>Layout: an unsigned little-endian 64-bit header length {@code n}, {@code n} bytes of UTF-8
 * JSON, then the data section. The JSON maps each tensor name to {@code {"dtype", "shape",
 * "data_offsets": [begin, end]}} (offsets relative to the data section) and may hold a
 * {@code "__metadata__"} map of strings. Checks, in order: the length against {@link
 * #MAX_HEADER_BYTES} and the file size (before the header is allocated), strict JSON with depth
 * and value-count limits, each entry's fields and types, known dtype, element count without
 * overflow, {@code begin <= end <= data length}, {@code end - begin == numel * dtype size}, and
 * that the ranges neither overlap nor leave gaps and cover the data section exactly (as the
 * reference implementation requires).
 */
final class SafetensorsHeader {

  /** Largest header accepted, as in the reference implementation (100 MB). */
  static final long MAX_HEADER_BYTES = 100_000_000L;
  /** Deepest JSON nesting accepted (a valid header needs 3). */
  static final int MAX_DEPTH = 16;
  /** Most JSON values accepted in a header (about 100k tensors). */
  static final int MAX_VALUES = 1_000_000;
  static final String METADATA_KEY = "__metadata__";

  final String source;
  final Map<String, TensorInfo> tensors;
  final Map<String, String> metadata;
  final long dataStart;
  final long dataLength;

  private SafetensorsHeader(String source, Map<String, TensorInfo> tensors,
      Map<String, String> metadata, long dataStart, long dataLength) {
    this.source = source;
    this.tensors = Collections.unmodifiableMap(tensors);
    this.metadata = Collections.unmodifiableMap(metadata);
    this.dataStart = dataStart;
    this.dataLength = dataLength;
  }

  /** Reads and validates the header of {@code src}. */
  static SafetensorsHeader read(ByteSource src) throws IOException {
    String name = src.name();
    long size = src.size();
    if (size < 8) {
      throw fail(name, "is " + size + " bytes long, too short for the 8-byte header length");
    }
    ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    src.readFully(0, lengthBytes);
    long n = lengthBytes.getLong(0);
    if (n < 0 || n > MAX_HEADER_BYTES) {
      throw fail(name, "declares a header of " + Long.toUnsignedString(n)
          + " bytes, more than the limit of " + MAX_HEADER_BYTES + " bytes");
    }
    if (n > size - 8) {
      throw fail(name, "declares a header of " + n + " bytes, but only " + (size - 8)
          + " bytes follow the length field (file size " + size + "); is it truncated?");
    }
    byte[] json = new byte[(int) n];
    src.readFully(8, ByteBuffer.wrap(json));
    Object root;
    try {
      root = Json.parse(json, 0, json.length, MAX_DEPTH, MAX_VALUES);
    } catch (IllegalArgumentException e) {
      throw new SafetensorsFormatException(name + ": header is not valid: " + e.getMessage()
          + " (header of " + n + " bytes, starting at file offset 8)", e);
    }
    return validate(name, root, 8 + n, size - 8 - n);
  }

  private static SafetensorsHeader validate(String name, Object root, long dataStart,
      long dataLength) {
    if (!(root instanceof Map<?, ?> entries)) {
      throw fail(name, "header must be a JSON object, found " + kind(root));
    }
    Map<String, TensorInfo> tensors = new TreeMap<>();
    Map<String, String> metadata = new TreeMap<>();
    for (Map.Entry<?, ?> e : entries.entrySet()) {
      String key = (String) e.getKey();
      if (key.equals(METADATA_KEY)) {
        readMetadata(name, e.getValue(), metadata);
      } else {
        tensors.put(key, entry(name, key, e.getValue(), dataLength));
      }
    }
    checkLayout(name, tensors.values(), dataLength);
    return new SafetensorsHeader(name, tensors, metadata, dataStart, dataLength);
  }

  private static void readMetadata(String name, Object value, Map<String, String> out) {
    if (!(value instanceof Map<?, ?> map)) {
      throw fail(name, "\"" + METADATA_KEY + "\" must be an object of strings, found "
          + kind(value));
    }
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getValue() instanceof String s)) {
        throw fail(name, "metadata value of \"" + e.getKey() + "\" must be a string, found "
            + kind(e.getValue()));
      }
      out.put((String) e.getKey(), s);
    }
  }

  private static TensorInfo entry(String name, String tensor, Object value, long dataLength) {
    String where = "tensor \"" + tensor + "\"";
    if (!(value instanceof Map<?, ?> fields)) {
      throw fail(name, where + " must be an object with dtype, shape and data_offsets, found "
          + kind(value));
    }
    Object dtypeValue = field(name, where, fields, "dtype");
    if (!(dtypeValue instanceof String dtypeName)) {
      throw fail(name, where + ": dtype must be a string, found " + kind(dtypeValue));
    }
    DType dtype = DType.fromHeaderName(dtypeName);
    if (dtype == null) {
      throw fail(name, where + ": unknown or unsupported dtype \"" + dtypeName
          + "\"; expected one of " + Arrays.toString(DType.values()));
    }
    List<?> shapeList = list(name, where, fields, "shape");
    int[] shape = new int[shapeList.size()];
    long numel = 1;
    for (int i = 0; i < shape.length; i++) {
      long d = nonNegative(name, where + ": shape[" + i + "]", shapeList.get(i));
      if (d > Integer.MAX_VALUE) {
        throw fail(name, where + ": dimension " + d + " at shape[" + i + "] exceeds "
            + Integer.MAX_VALUE);
      }
      shape[i] = (int) d;
      try {
        numel = Math.multiplyExact(numel, d);
      } catch (ArithmeticException overflow) {
        throw fail(name, where + ": shape " + Shape.format(shape) + " (so far) has more than "
            + Long.MAX_VALUE + " elements");
      }
    }
    List<?> offsets = list(name, where, fields, "data_offsets");
    if (offsets.size() != 2) {
      throw fail(name, where + ": data_offsets must be [begin, end], found " + offsets.size()
          + " values");
    }
    long begin = nonNegative(name, where + ": data_offsets[0]", offsets.get(0));
    long end = nonNegative(name, where + ": data_offsets[1]", offsets.get(1));
    if (begin > end) {
      throw fail(name, where + ": data_offsets [" + begin + ", " + end + "] has begin > end");
    }
    if (end > dataLength) {
      throw fail(name, where + ": data_offsets [" + begin + ", " + end
          + "] extend past the data section of " + dataLength + " bytes; is the file truncated?");
    }
    long expected;
    try {
      expected = Math.multiplyExact(numel, dtype.byteSize());
    } catch (ArithmeticException overflow) {
      expected = -1;
    }
    if (expected != end - begin) {
      throw fail(name, where + ": shape " + Shape.format(shape) + " of " + dtype + " needs "
          + (expected < 0 ? "more than " + Long.MAX_VALUE : Long.toString(expected))
          + " bytes, but data_offsets [" + begin + ", " + end + "] span " + (end - begin));
    }
    return new TensorInfo(tensor, dtype, shape, begin, end);
  }

  /** Ranges sorted by begin must tile [0, dataLength) exactly: no overlap, gap or tail. */
  private static void checkLayout(String name, Iterable<TensorInfo> infos, long dataLength) {
    List<TensorInfo> sorted = new ArrayList<>();
    infos.forEach(sorted::add);
    sorted.sort(Comparator.comparingLong(TensorInfo::begin).thenComparingLong(TensorInfo::end));
    long covered = 0;
    TensorInfo previous = null;
    for (TensorInfo t : sorted) {
      if (t.begin() < covered) {
        throw fail(name, "tensor \"" + t.name() + "\" data_offsets [" + t.begin() + ", "
            + t.end() + "] overlap tensor \"" + previous.name() + "\" [" + previous.begin()
            + ", " + previous.end() + "]");
      }
      if (t.begin() > covered) {
        throw fail(name, "tensor \"" + t.name() + "\" starts at data offset " + t.begin()
            + ", leaving a gap after offset " + covered + "; expected it to start at " + covered);
      }
      covered = t.end();
      previous = t;
    }
    if (covered != dataLength) {
      throw fail(name, "tensors cover " + covered + " bytes, but the data section holds "
          + dataLength + " bytes; expected them to match (trailing data)");
    }
  }

  private static Object field(String name, String where, Map<?, ?> fields, String key) {
    Object v = fields.get(key);
    if (v == null) {
      throw fail(name, where + ": missing field \"" + key + "\"");
    }
    return v;
  }

  private static List<?> list(String name, String where, Map<?, ?> fields, String key) {
    Object v = field(name, where, fields, key);
    if (!(v instanceof List<?> l)) {
      throw fail(name, where + ": " + key + " must be an array, found " + kind(v));
    }
    return l;
  }

  private static long nonNegative(String name, String where, Object v) {
    if (v instanceof Json.JsonNumber num) {
      String s = num.text();
      if (s.length() <= 19 && !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9')) {
        try {
          return Long.parseLong(s);
        } catch (NumberFormatException tooLarge) {
          // reported below
        }
      }
      throw fail(name, where + " must be a non-negative integer below 2^63, found "
          + (s.length() > 40 ? s.substring(0, 40) + "..." : s));
    }
    throw fail(name, where + " must be a non-negative integer, found " + kind(v));
  }

  private static String kind(Object v) {
    if (v instanceof Map) {
      return "an object";
    } else if (v instanceof List) {
      return "an array";
    } else if (v instanceof String s) {
      return "the string \"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
    } else if (v instanceof Json.JsonNumber n) {
      return "the number " + n;
    }
    return String.valueOf(v);
  }

  private static SafetensorsFormatException fail(String name, String message) {
    return new SafetensorsFormatException(name + ": " + message);
  }
}
