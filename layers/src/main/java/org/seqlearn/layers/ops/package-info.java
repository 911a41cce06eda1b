/**
 * Small differentiable shape helpers the layers compose (concatenate, stack, split, swap axes,
 * reshape, merge, dropout), each a {@link org.seqlearn.core.Function} with a hand-written backward.
 */
package org.seqlearn.layers.ops;
