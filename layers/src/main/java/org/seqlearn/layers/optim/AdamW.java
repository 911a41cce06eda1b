package org.seqlearn.layers.optim;

import java.util.List;
import org.seqlearn.core.Tensor;

/**
 * Adam with decoupled weight decay (Loshchilov and Hutter), with {@code torch.optim.AdamW}'s
 * update: each step first shrinks the parameter, {@code θ = θ (1 - lr λ)}, then applies the
 * {@link Adam} update without an L2 term. The default weight decay is {@code λ = 0.01}, like
 * PyTorch's.
 */
public final class AdamW extends Adam {

  /** AdamW with learning rate {@code lr} and weight decay 0.01. */
  public AdamW(List<Tensor> params, double lr) {
    super(params, lr, true);
    weightDecay(0.01);
  }
}
