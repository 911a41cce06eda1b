package org.seqlearn.core;

import java.util.Arrays;

/**
 * An immutable dense int32 tensor for indices (token ids, gather positions): row-major values and
 * an explicit shape. It never takes part in autograd; ops that take one ({@code indexSelect},
 * {@code gather}, {@code embedding}) use its shape to shape their result.
 *
 * <p>This small holder is used instead of a bare {@code int[]} so that an index keeps its shape
 * (e.g. token ids {@code [batch, time]}) through an embedding lookup.
 */
public final class IntTensor {

  private final int[] data;
  private final int[] shape;

  private IntTensor(int[] data, int[] shape) {
    this.data = data;
    this.shape = shape;
  }

  /**
   * Indices with the given shape (the values are copied).
   *
   * @throws IllegalArgumentException if the number of values does not match the shape
   */
  public static IntTensor of(int[] values, int... shape) {
    int n = Shape.numel(shape);
    if (values.length != n) {
      throw new IllegalArgumentException("index data of length " + values.length
          + " does not fit shape " + Shape.format(shape) + " (" + n + " elements)");
    }
    return new IntTensor(values.clone(), shape.clone());
  }

  /** A 1-D index tensor holding a copy of {@code values}. */
  public static IntTensor vector(int... values) {
    return new IntTensor(values.clone(), new int[] {values.length});
  }

  /** The shape (a copy). */
  public int[] shape() {
    return shape.clone();
  }

  /** Number of dimensions. */
  public int rank() {
    return shape.length;
  }

  /** Number of elements. */
  public int numel() {
    return data.length;
  }

  /** A copy of the values in row-major order. */
  public int[] toArray() {
    return data.clone();
  }

  /** The value at flat (row-major) position {@code i}. */
  public int at(int i) {
    return data[i];
  }

  @Override
  public String toString() {
    return "IntTensor" + Shape.format(shape) + " " + Arrays.toString(data);
  }
}
