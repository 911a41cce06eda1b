package org.seqlearn.layers.nn;

import org.seqlearn.core.Tensor;
import org.seqlearn.core.random.GlobalSeed;
import org.seqlearn.core.random.Rng;

/**
 * Inverted dropout, PyTorch's {@code nn.Dropout}: in training mode each element is zeroed with
 * probability {@code p} and the survivors are scaled by {@code 1 / (1 - p)}; in eval mode it is
 * the identity. Masks come from a generator seeded at construction, so a run is reproducible.
 * Any shape in, the same shape out.
 */
public final class Dropout extends Layer {

  private final float p;
  private final Rng rng;

  /** Masks from a seed drawn from {@link GlobalSeed}. */
  public Dropout(float p) {
    this(p, GlobalSeed.nextSeed());
  }

  /** @param p drop probability in {@code [0, 1)} */
  public Dropout(float p, long seed) {
    if (!(p >= 0f && p < 1f)) {
      throw new IllegalArgumentException("dropout probability must be in [0, 1), got " + p);
    }
    this.p = p;
    this.rng = new Rng(seed);
  }

  @Override
  public Tensor forward(Tensor x) {
    return x.dropout(p, rng, isTraining());
  }

  /** The drop probability. */
  public float p() {
    return p;
  }

  @Override
  public String toString() {
    return "Dropout(p=" + p + ")";
  }

  /** Sets training mode (here and in sub-modules); returns this {@code Dropout}. */
  @Override
  public Dropout train(boolean on) {
    super.train(on);
    return this;
  }

  /** Training mode; returns this {@code Dropout}. */
  @Override
  public Dropout train() {
    return train(true);
  }

  /** Evaluation mode; returns this {@code Dropout}. */
  @Override
  public Dropout eval() {
    return train(false);
  }
}
