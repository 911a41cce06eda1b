package org.seqlearn.layers.optim;

/**
 * Multiplies the learning rate by {@code gamma} every epoch, like {@code
 * torch.optim.lr_scheduler.ExponentialLR}: {@code lr = base · gamma^epoch}.
 */
public final class ExponentialLr extends LrScheduler {

  private final double gamma;

  /** @param gamma the decay factor per epoch, {@code >= 0} */
  public ExponentialLr(Optimizer optimizer, double gamma) {
    super(optimizer);
    this.gamma = Optimizer.nonNegative("gamma", gamma);
    initialStep();
  }

  @Override
  protected double chainedLr() {
    return lastEpoch() == 0 ? currentLr() : currentLr() * gamma;
  }

  @Override
  protected double closedFormLr() {
    return baseLr() * Math.pow(gamma, lastEpoch());
  }
}
