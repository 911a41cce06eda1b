package org.seqlearn.core.io;

import java.util.Arrays;
import org.seqlearn.core.Shape;

/**
 * One validated entry of a safetensors header: the tensor's name, element type, shape and its
 * byte range {@code [begin, end)} relative to the start of the data section.
 *
 * @param name the tensor's key in the file
 * @param dtype element type
 * @param shape dimensions (a copy is made; {@code []} is a scalar)
 * @param begin first byte of the data, relative to the data section
 * @param end one past the last byte of the data, relative to the data section
 */
public record TensorInfo(String name, DType dtype, int[] shape, long begin, long end) {

  /** Copies the shape so the record stays immutable. */
  public TensorInfo {
    shape = shape.clone();
  }

  /** The shape (a copy). */
  @Override
  public int[] shape() {
    return shape.clone();
  }

  /** Number of elements (a long: a valid file may hold more than an array can). */
  public long numel() {
    long n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }

  /** Size of the data in bytes, {@code end - begin}. */
  public long byteLength() {
    return end - begin;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TensorInfo t && name.equals(t.name) && dtype == t.dtype
        && Arrays.equals(shape, t.shape) && begin == t.begin && end == t.end;
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(shape);
  }

  @Override
  public String toString() {
    return name + ": " + dtype + Shape.format(shape) + " bytes [" + begin + ", " + end + ")";
  }
}
