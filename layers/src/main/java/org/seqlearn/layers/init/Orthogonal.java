package org.seqlearn.layers.init;

import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.random.Rng;

/**
 * Orthogonal initialisation (Saxe et al.; PyTorch's {@code nn.init.orthogonal_}), the usual
 * choice for recurrent kernels {@code W_hh}: a seeded standard normal matrix {@code [rows,
 * cols]} (rows = {@code shape[0]}, cols = the product of the rest) is factored by Householder QR,
 * the signs of Q's columns are fixed by R's diagonal (so Q is uniformly distributed), and the
 * result is scaled by {@code gain}. When rows &lt; cols the transpose is factored, so the rows are
 * orthonormal; otherwise the columns are: {@code QᵀQ = I} (or {@code QQᵀ = I}).
 */
public final class Orthogonal {

  private Orthogonal() {}

  /**
   * A (semi-)orthogonal tensor of the given shape.
   *
   * @throws IllegalArgumentException if the shape has fewer than 2 dimensions
   */
  public static Tensor of(Rng rng, double gain, int... shape) {
    if (shape.length < 2) {
      throw new IllegalArgumentException("orthogonal init needs at least 2 dimensions, got shape "
          + Shape.format(shape));
    }
    int rows = shape[0];
    int cols = Shape.numel(shape) / Math.max(rows, 1);
    int m = Math.max(rows, cols);
    int n = Math.min(rows, cols);
    double[][] a = new double[m][n]; // tall: factor A = QR with A [m, n]
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        double v = rng.nextGaussian();
        if (rows >= cols) {
          a[i][j] = v;
        } else {
          a[j][i] = v;
        }
      }
    }
    double[][] q = thinQ(a, m, n);
    float[] out = new float[rows * cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        out[i * cols + j] = (float) (gain * (rows >= cols ? q[i][j] : q[j][i]));
      }
    }
    return Tensor.wrap(out, shape);
  }

  /**
   * A recurrent kernel {@code W_hh [gates * hidden, hidden]} (PyTorch's layout, e.g. gates = 4
   * for an LSTM, 3 for a GRU) whose every gate block {@code [hidden, hidden]} is an independent
   * orthogonal matrix, as Keras initialises its recurrent kernels. Assign it to a layer with
   * {@link Initializers#assign}.
   */
  public static Tensor recurrent(Rng rng, double gain, int gates, int hidden) {
    if (gates < 1 || hidden < 1) {
      throw new IllegalArgumentException("gates and hidden must be >= 1, got " + gates + " and "
          + hidden);
    }
    float[] out = new float[gates * hidden * hidden];
    for (int g = 0; g < gates; g++) {
      float[] block = of(rng, gain, hidden, hidden).data();
      System.arraycopy(block, 0, out, g * hidden * hidden, block.length);
    }
    return Tensor.wrap(out, gates * hidden, hidden);
  }

  /**
   * The first n columns of Q in {@code A = QR} by Householder reflections, each column multiplied
   * by the sign of R's diagonal entry (so that R's diagonal is positive, as PyTorch does).
   */
  static double[][] thinQ(double[][] a, int m, int n) {
    double[][] r = new double[m][];
    for (int i = 0; i < m; i++) {
      r[i] = a[i].clone();
    }
    double[][] vs = new double[n][];
    double[] sign = new double[n];
    for (int k = 0; k < n; k++) {
      double norm = 0;
      for (int i = k; i < m; i++) {
        norm += r[i][k] * r[i][k];
      }
      norm = Math.sqrt(norm);
      double alpha = r[k][k] > 0 ? -norm : norm;
      double[] v = new double[m];
      for (int i = k; i < m; i++) {
        v[i] = r[i][k];
      }
      v[k] -= alpha;
      double vnorm = 0;
      for (int i = k; i < m; i++) {
        vnorm += v[i] * v[i];
      }
      if (vnorm > 0) {
        for (int j = k; j < n; j++) {
          double dot = 0;
          for (int i = k; i < m; i++) {
            dot += v[i] * r[i][j];
          }
          double f = 2 * dot / vnorm;
          for (int i = k; i < m; i++) {
            r[i][j] -= f * v[i];
          }
        }
      }
      vs[k] = v;
      sign[k] = r[k][k] < 0 ? -1 : 1;
    }
    // Q = H_0 H_1 ... H_{n-1} applied to the first n columns of the identity.
    double[][] q = new double[m][n];
    for (int j = 0; j < n; j++) {
      q[j][j] = 1;
    }
    for (int k = n - 1; k >= 0; k--) {
      double[] v = vs[k];
      double vnorm = 0;
      for (int i = k; i < m; i++) {
        vnorm += v[i] * v[i];
      }
      if (vnorm == 0) {
        continue;
      }
      for (int j = 0; j < n; j++) {
        double dot = 0;
        for (int i = k; i < m; i++) {
          dot += v[i] * q[i][j];
        }
        double f = 2 * dot / vnorm;
        for (int i = k; i < m; i++) {
          q[i][j] -= f * v[i];
        }
      }
    }
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        q[i][j] *= sign[j];
      }
    }
    return q;
  }
}
