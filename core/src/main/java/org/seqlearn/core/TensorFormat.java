package org.seqlearn.core;

/** Nested-bracket preview of tensor contents, eliding the middle of long dimensions. */
final class TensorFormat {

  private static final int EDGE = 3;

  private TensorFormat() {}

  static void append(StringBuilder sb, float[] data, int[] shape) {
    if (shape.length == 0) {
      sb.append(format(data[0]));
      return;
    }
    appendDim(sb, data, shape, Shape.strides(shape), 0, 0);
  }

  private static void appendDim(StringBuilder sb, float[] data, int[] shape, int[] strides,
      int dim, int offset) {
    sb.append('[');
    int n = shape[dim];
    for (int i = 0; i < n; i++) {
      if (n > 2 * EDGE && i == EDGE) {
        sb.append("..., ");
        i = n - EDGE - 1;
        continue;
      }
      if (dim == shape.length - 1) {
        sb.append(format(data[offset + i]));
      } else {
        appendDim(sb, data, shape, strides, dim + 1, offset + i * strides[dim]);
      }
      if (i < n - 1) {
        sb.append(", ");
      }
    }
    sb.append(']');
  }

  private static String format(float v) {
    return Float.toString(v);
  }
}
