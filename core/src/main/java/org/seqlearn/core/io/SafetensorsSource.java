package org.seqlearn.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;

/**
 * The tensors of a validated safetensors file: names, types, shapes, metadata, and converting
 * accessors. Obtained from {@link Safetensors#read} (all data in memory) or {@link
 * Safetensors#open} (data read on demand from the open file).
 *
 * <p>Every accessor allocates exactly the array the validated header describes. Accessors of an
 * open {@link SafetensorsFile} report I/O failures as {@link UncheckedIOException}.
 */
public abstract sealed class SafetensorsSource permits SafetensorsContent, SafetensorsFile {

  private static final int CHUNK_BYTES = 1 << 20;

  final SafetensorsHeader header;

  SafetensorsSource(SafetensorsHeader header) {
    this.header = header;
  }

  /** Fills {@code dst} with the bytes of {@code info} starting {@code offset} bytes into it. */
  abstract void read(TensorInfo info, long offset, ByteBuffer dst) throws IOException;

  /** Where the data came from (the file path or a label), as used in messages. */
  public String source() {
    return header.source;
  }

  /** Tensor names in sorted order (the metadata key is not a tensor). */
  public List<String> names() {
    return List.copyOf(header.tensors.keySet());
  }

  /** Whether a tensor of this name exists. */
  public boolean contains(String name) {
    return header.tensors.containsKey(name);
  }

  /**
   * The validated header entry of a tensor.
   *
   * @throws IllegalArgumentException if there is no such tensor (the message lists some names)
   */
  public TensorInfo info(String name) {
    TensorInfo info = header.tensors.get(name);
    if (info == null) {
      List<String> some = new ArrayList<>(header.tensors.keySet());
      String listed = some.size() <= 10 ? some.toString()
          : some.subList(0, 10) + " and " + (some.size() - 10) + " more";
      throw new IllegalArgumentException(
          source() + ": no tensor named \"" + name + "\"; it holds " + listed);
    }
    return info;
  }

  /** The shape of a tensor (a copy). */
  public int[] shape(String name) {
    return info(name).shape();
  }

  /** The element type of a tensor. */
  public DType dtype(String name) {
    return info(name).dtype();
  }

  /** The {@code __metadata__} map (empty if the file has none), unmodifiable, sorted by key. */
  public Map<String, String> metadata() {
    return header.metadata;
  }

  /**
   * A tensor as float32: {@code F32} exactly, {@code F16} and {@code BF16} widened exactly, {@code
   * F64} rounded to the nearest float.
   *
   * @throws IllegalArgumentException if the tensor is absent or of another type
   */
  public Tensor tensor(String name) {
    TensorInfo info = expect(name, DType.F32, DType.F64, DType.F16, DType.BF16);
    float[] out = new float[elements(info)];
    decode(info, (buf, at, count) -> {
      switch (info.dtype()) {
        case F32 -> buf.asFloatBuffer().get(out, at, count);
        case F64 -> {
          for (int i = 0; i < count; i++) {
            out[at + i] = (float) buf.getDouble(i * 8);
          }
        }
        case F16 -> {
          for (int i = 0; i < count; i++) {
            out[at + i] = HalfFloats.halfToFloat(buf.getShort(i * 2));
          }
        }
        default -> {
          for (int i = 0; i < count; i++) {
            out[at + i] = Float.intBitsToFloat(buf.getShort(i * 2) << 16);
          }
        }
      }
    });
    return Tensor.wrap(out, info.shape());
  }

  /**
   * Every tensor whose type converts to float32 ({@code F32}, {@code F64}, {@code F16}, {@code
   * BF16}), by name, as {@link #tensor(String)} reads it: e.g. a module's state dict. Integer and
   * other tensors are left out; read them with {@link #ints}, {@link #longs}.
   */
  public Map<String, Tensor> floatTensors() {
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (TensorInfo info : header.tensors.values()) {
      switch (info.dtype()) {
        case F32, F64, F16, BF16 -> out.put(info.name(), tensor(info.name()));
        default -> {
          // not a float type
        }
      }
    }
    return out;
  }

  /**
   * A tensor's values as doubles, row-major: {@code F64} exactly, {@code F32} widened.
   *
   * @throws IllegalArgumentException if the tensor is absent or of another type
   */
  public double[] doubles(String name) {
    TensorInfo info = expect(name, DType.F64, DType.F32);
    double[] out = new double[elements(info)];
    decode(info, (buf, at, count) -> {
      if (info.dtype() == DType.F64) {
        buf.asDoubleBuffer().get(out, at, count);
      } else {
        for (int i = 0; i < count; i++) {
          out[at + i] = buf.getFloat(i * 4);
        }
      }
    });
    return out;
  }

  /**
   * An {@code I32} tensor's values, row-major; its shape is {@link #shape(String)}.
   *
   * @throws IllegalArgumentException if the tensor is absent or of another type
   */
  public int[] ints(String name) {
    TensorInfo info = expect(name, DType.I32);
    int[] out = new int[elements(info)];
    decode(info, (buf, at, count) -> buf.asIntBuffer().get(out, at, count));
    return out;
  }

  /**
   * An {@code I64} (or, widened, {@code I32}) tensor's values, row-major; its shape is {@link
   * #shape(String)}.
   *
   * @throws IllegalArgumentException if the tensor is absent or of another type
   */
  public long[] longs(String name) {
    TensorInfo info = expect(name, DType.I64, DType.I32);
    long[] out = new long[elements(info)];
    decode(info, (buf, at, count) -> {
      if (info.dtype() == DType.I64) {
        buf.asLongBuffer().get(out, at, count);
      } else {
        for (int i = 0; i < count; i++) {
          out[at + i] = buf.getInt(i * 4);
        }
      }
    });
    return out;
  }

  private TensorInfo expect(String name, DType... allowed) {
    TensorInfo info = info(name);
    for (DType t : allowed) {
      if (info.dtype() == t) {
        return info;
      }
    }
    throw new IllegalArgumentException(source() + ": tensor \"" + name + "\" is "
        + info.dtype() + ", expected one of " + List.of(allowed) + " for this accessor");
  }

  private int elements(TensorInfo info) {
    long n = info.numel();
    if (n > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(source() + ": tensor \"" + info.name() + "\" of shape "
          + Shape.format(info.shape()) + " has " + n + " elements, more than a Java array holds");
    }
    return (int) n;
  }

  /** Receives consecutive little-endian chunks: {@code count} elements for output index at. */
  private interface ChunkSink {
    void accept(ByteBuffer chunk, int at, int count);
  }

  private void decode(TensorInfo info, ChunkSink sink) {
    int size = info.dtype().byteSize();
    long total = info.byteLength();
    int perChunk = CHUNK_BYTES / size;
    ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(total, (long) perChunk * size))
        .order(ByteOrder.LITTLE_ENDIAN);
    int at = 0;
    for (long offset = 0; offset < total; ) {
      int count = (int) Math.min(perChunk, (total - offset) / size);
      chunk.clear().limit(count * size);
      try {
        read(info, offset, chunk);
      } catch (IOException e) {
        throw new UncheckedIOException(
            source() + ": cannot read tensor \"" + info.name() + "\": " + e.getMessage(), e);
      }
      chunk.flip();
      sink.accept(chunk.slice().order(ByteOrder.LITTLE_ENDIAN), at, count);
      at += count;
      offset += (long) count * size;
    }
  }
}
