package org.seqlearn.layers.nn;

import org.seqlearn.core.Function;
import org.seqlearn.core.Tensor;

/**
 * Unfolds {@code x [N, C, L]} into the patches a 1-D convolution sees: {@code [N, Lout, C * K]}
 * with {@code cols[n, t, c * K + k] = x[n, c, t * stride - padding + k * dilation]} (zero outside
 * the input). Backward is the matching col2im: a scatter-add of patch gradients into the input.
 */
final class Im2Col extends Function {

  private final int kernel;
  private final int stride;
  private final int padding;
  private final int dilation;
  private int batch;
  private int channels;
  private int length;
  private int outLength;

  Im2Col(int kernel, int stride, int padding, int dilation) {
    this.kernel = kernel;
    this.stride = stride;
    this.padding = padding;
    this.dilation = dilation;
  }

  /** {@code floor((L + 2p - d(K - 1) - 1) / s) + 1}, PyTorch's output length (may be <= 0). */
  static int outputLength(int length, int kernel, int stride, int padding, int dilation) {
    int span = length + 2 * padding - dilation * (kernel - 1) - 1;
    return span < 0 ? 0 : span / stride + 1;
  }

  @Override
  protected Tensor[] forward(Tensor... in) {
    Tensor x = in[0];
    batch = x.dim(0);
    channels = x.dim(1);
    length = x.dim(2);
    outLength = outputLength(length, kernel, stride, padding, dilation);
    int row = channels * kernel;
    float[] src = x.data();
    float[] cols = new float[batch * outLength * row];
    for (int n = 0; n < batch; n++) {
      for (int t = 0; t < outLength; t++) {
        int dst = (n * outLength + t) * row;
        int start = t * stride - padding;
        for (int c = 0; c < channels; c++) {
          int base = (n * channels + c) * length;
          for (int k = 0; k < kernel; k++) {
            int pos = start + k * dilation;
            if (pos >= 0 && pos < length) {
              cols[dst + c * kernel + k] = src[base + pos];
            }
          }
        }
      }
    }
    return out(Tensor.wrap(cols, batch, outLength, row));
  }

  @Override
  protected Tensor[] backward(Tensor... gradOut) {
    float[] g = gradOut[0].data();
    int row = channels * kernel;
    float[] dx = new float[batch * channels * length];
    for (int n = 0; n < batch; n++) {
      for (int t = 0; t < outLength; t++) {
        int src = (n * outLength + t) * row;
        int start = t * stride - padding;
        for (int c = 0; c < channels; c++) {
          int base = (n * channels + c) * length;
          for (int k = 0; k < kernel; k++) {
            int pos = start + k * dilation;
            if (pos >= 0 && pos < length) {
              dx[base + pos] += g[src + c * kernel + k];
            }
          }
        }
      }
    }
    return out(Tensor.wrap(dx, batch, channels, length));
  }
}
