package org.seqlearn.core;

import java.util.Arrays;

/** Static helpers for tensor shapes: element counts, strides, broadcasting, formatting. */
public final class Shape {

  private Shape() {}

  /**
   * Number of elements of a shape (1 for a scalar shape {@code []}).
   *
   * @throws IllegalArgumentException if a dimension is negative or the count overflows an int
   */
  public static int numel(int... shape) {
    long n = 1;
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("dimensions must be >= 0, got shape " + format(shape));
      }
      n *= d;
      if (n > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException(
            "shape " + format(shape) + " has more elements than a Java array can hold");
      }
    }
    return (int) n;
  }

  /** Row-major strides of a shape (in elements). */
  public static int[] strides(int... shape) {
    int[] strides = new int[shape.length];
    int s = 1;
    for (int i = shape.length - 1; i >= 0; i--) {
      strides[i] = s;
      s *= shape[i];
    }
    return strides;
  }

  /**
   * The NumPy broadcast of two shapes: aligned from the right, each pair of dimensions must be
   * equal or one of them 1.
   *
   * @throws IllegalArgumentException naming both shapes when they do not broadcast
   */
  public static int[] broadcast(int[] a, int[] b) {
    int rank = Math.max(a.length, b.length);
    int[] out = new int[rank];
    for (int i = 0; i < rank; i++) {
      int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
      int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
      if (da != db && da != 1 && db != 1) {
        throw new IllegalArgumentException("shapes " + format(a) + " and " + format(b)
            + " cannot be broadcast: dimension " + i + " of the result is " + da + " vs " + db);
      }
      out[i] = da == 1 ? db : da;
    }
    return out;
  }

  /**
   * Normalises a possibly negative axis ({@code -1} = last) for a tensor of the given rank.
   *
   * @throws IllegalArgumentException if the axis is out of range
   */
  public static int axis(int axis, int rank) {
    int a = axis < 0 ? axis + rank : axis;
    if (a < 0 || a >= rank) {
      throw new IllegalArgumentException(
          "axis " + axis + " is out of range for a tensor of rank " + rank);
    }
    return a;
  }

  /** {@code [2, 3]} style text of a shape. */
  public static String format(int... shape) {
    return Arrays.toString(shape);
  }
}
