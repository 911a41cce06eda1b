package org.seqlearn.layers.ops;

import org.seqlearn.core.Function;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.random.Rng;

/**
 * Inverted dropout: each element is zeroed with probability {@code p} and the survivors are
 * scaled by {@code 1 / (1 − p)}, so the expected value is unchanged. The mask comes from the given
 * generator (seeded by the caller), so runs are reproducible.
 */
public final class Dropout extends Function {

  private final float p;
  private final Rng rng;
  private float[] mask;

  /**
   * @param p drop probability in {@code [0, 1)}
   * @param rng source of the mask
   */
  public Dropout(float p, Rng rng) {
    if (!(p >= 0f && p < 1f)) {
      throw new IllegalArgumentException("dropout probability must be in [0, 1), got " + p);
    }
    this.p = p;
    this.rng = rng;
  }

  @Override
  protected Tensor[] forward(Tensor... in) {
    float[] d = in[0].data();
    mask = new float[d.length];
    float keep = 1f / (1f - p);
    float[] out = new float[d.length];
    for (int i = 0; i < d.length; i++) {
      mask[i] = rng.nextFloat() < p ? 0f : keep;
      out[i] = d[i] * mask[i];
    }
    return out(Tensor.wrap(out, in[0].shape()));
  }

  @Override
  protected Tensor[] backward(Tensor... g) {
    float[] d = g[0].toArray();
    for (int i = 0; i < d.length; i++) {
      d[i] *= mask[i];
    }
    return out(Tensor.wrap(d, g[0].shape()));
  }
}
