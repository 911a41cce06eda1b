package org.seqlearn.layers.optim;

/**
 * Multiplies the learning rate by {@code gamma} every {@code stepSize} epochs, like {@code
 * torch.optim.lr_scheduler.StepLR}: {@code lr = base · gamma^floor(epoch / stepSize)}.
 */
public final class StepLr extends LrScheduler {

  private final int stepSize;
  private final double gamma;

  /**
   * @param stepSize epochs between decays, {@code >= 1}
   * @param gamma the decay factor, {@code >= 0}
   */
  public StepLr(Optimizer optimizer, int stepSize, double gamma) {
    super(optimizer);
    if (stepSize < 1) {
      throw new IllegalArgumentException("step size must be >= 1, got " + stepSize);
    }
    this.stepSize = stepSize;
    this.gamma = Optimizer.nonNegative("gamma", gamma);
    initialStep();
  }

  @Override
  protected double chainedLr() {
    int epoch = lastEpoch();
    if (epoch == 0 || epoch % stepSize != 0) {
      return currentLr();
    }
    return currentLr() * gamma;
  }

  @Override
  protected double closedFormLr() {
    return baseLr() * Math.pow(gamma, Math.floorDiv(lastEpoch(), stepSize));
  }
}
