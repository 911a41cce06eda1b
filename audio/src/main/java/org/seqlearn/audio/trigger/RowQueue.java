package org.seqlearn.audio.trigger;

import java.util.Arrays;

/**
 * A first-in first-out queue of fixed-width float rows (samples when the width is 1, feature frames
 * otherwise), for carrying the not-yet-used tail of a stream from one chunk to the next.
 */
final class RowQueue {
  private final int width;
  private float[] data = new float[1024];
  private int rows;

  RowQueue(int width) {
    this.width = width;
  }

  /** Rows held. */
  int rows() {
    return rows;
  }

  /** Appends {@code values.length / width} rows. */
  void append(float[] values) {
    int need = rows * width + values.length;
    if (need > data.length) {
      data = Arrays.copyOf(data, Math.max(need, data.length * 2));
    }
    System.arraycopy(values, 0, data, rows * width, values.length);
    rows += values.length / width;
  }

  /** A copy of the first {@code n} rows, {@code [n * width]}. */
  float[] head(int n) {
    return Arrays.copyOf(data, n * width);
  }

  /** Drops the first {@code n} rows. */
  void drop(int n) {
    System.arraycopy(data, n * width, data, 0, (rows - n) * width);
    rows -= n;
  }
}
