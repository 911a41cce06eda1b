/**
 * The linear-chain conditional random field for sequence tagging: {@link
 * org.seqlearn.layers.crf.LinearChainCrf} (transition scores plus start and end transitions, as
 * in pytorch-crf), its negative log-likelihood by the forward algorithm in log space as one fused
 * autograd node with a forward-backward gradient, Viterbi decoding, and {@link
 * org.seqlearn.layers.crf.TransitionConstraints} forbidding the transitions a BIO or BIOES tag
 * scheme does not allow.
 *
 * <p>Values and gradients are checked against a PyTorch implementation of the same forward
 * algorithm by fixtures from {@code tools/gen_crf_fixtures.py}, against brute-force enumeration
 * of all tag paths on tiny cases, and by finite differences.
 */
package org.seqlearn.layers.crf;
