/**
 * Optimizers, gradient clipping and learning-rate schedules with {@code torch.optim}'s exact
 * update formulas: {@link org.seqlearn.layers.optim.Sgd} (momentum, dampening, Nesterov, weight
 * decay), {@link org.seqlearn.layers.optim.RmsProp}, {@link org.seqlearn.layers.optim.Adam} and
 * {@link org.seqlearn.layers.optim.AdamW} (optionally AMSGrad); {@link
 * org.seqlearn.layers.optim.GradClipping} (by value, by global norm); and the schedules {@link
 * org.seqlearn.layers.optim.StepLr}, {@link org.seqlearn.layers.optim.ExponentialLr}, {@link
 * org.seqlearn.layers.optim.CosineAnnealingLr}, {@link org.seqlearn.layers.optim.LinearLr}
 * (warm-up) and {@link org.seqlearn.layers.optim.SequentialLr} (composition).
 *
 * <p>Optimizers work on a {@code List<Tensor>} of leaf parameters, update their storage in place
 * in float32 (as PyTorch does for float32 parameters) and skip parameters whose gradient is null.
 * Trajectories are checked against PyTorch 1.13 by fixtures from {@code
 * tools/gen_optim_fixtures.py}.
 */
package org.seqlearn.layers.optim;
