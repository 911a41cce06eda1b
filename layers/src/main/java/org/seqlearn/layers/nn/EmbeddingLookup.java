package org.seqlearn.layers.nn;

import org.seqlearn.core.Function;
import org.seqlearn.core.IntTensor;
import org.seqlearn.core.Tensor;

/**
 * Rows of {@code weight [vocab, dim]} for ids of any shape, giving {@code [..., dim]}; the
 * gradient is a scatter-add into the rows, except the padding row, which gets none.
 */
final class EmbeddingLookup extends Function {

  private final IntTensor ids;
  private final int paddingIdx;
  private int vocab;
  private int dim;

  /** @param paddingIdx the row that gets no gradient, or -1 for none */
  EmbeddingLookup(IntTensor ids, int paddingIdx) {
    this.ids = ids;
    this.paddingIdx = paddingIdx;
  }

  @Override
  protected Tensor[] forward(Tensor... in) {
    Tensor w = in[0];
    vocab = w.dim(0);
    dim = w.dim(1);
    float[] src = w.data();
    int n = ids.numel();
    float[] out = new float[n * dim];
    for (int i = 0; i < n; i++) {
      int id = ids.at(i);
      if (id < 0 || id >= vocab) {
        throw new IllegalArgumentException("Embedding: id " + id + " at position " + i
            + " is outside [0, " + vocab + ")");
      }
      System.arraycopy(src, id * dim, out, i * dim, dim);
    }
    int[] idShape = ids.shape();
    int[] shape = java.util.Arrays.copyOf(idShape, idShape.length + 1);
    shape[idShape.length] = dim;
    return out(Tensor.wrap(out, shape));
  }

  @Override
  protected Tensor[] backward(Tensor... gradOut) {
    float[] g = gradOut[0].data();
    float[] dw = new float[vocab * dim];
    for (int i = 0; i < ids.numel(); i++) {
      int id = ids.at(i);
      if (id == paddingIdx) {
        continue;
      }
      int base = id * dim;
      int off = i * dim;
      for (int j = 0; j < dim; j++) {
        dw[base + j] += g[off + j];
      }
    }
    return out(Tensor.wrap(dw, vocab, dim));
  }
}
