/**
 * Loss functions with PyTorch's semantics and reductions ({@link
 * org.seqlearn.layers.loss.Reduction}): {@link org.seqlearn.layers.loss.CrossEntropyLoss}
 * (softmax cross-entropy from logits with class-index targets, ignore index, mask, label
 * smoothing, class weights), {@link org.seqlearn.layers.loss.BceWithLogitsLoss}, {@link
 * org.seqlearn.layers.loss.MseLoss} and {@link org.seqlearn.layers.loss.CtcLoss}.
 *
 * <p>Each loss is an immutable, reusable configuration object whose {@code apply} records one
 * fused autograd node (a core {@link org.seqlearn.core.Function} with a hand-written backward).
 * Values and gradients are checked against PyTorch 1.13 by fixtures generated with {@code
 * tools/gen_loss_fixtures.py}.
 */
package org.seqlearn.layers.loss;
