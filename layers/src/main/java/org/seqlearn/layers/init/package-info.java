/**
 * Seeded weight initialisers with PyTorch's formulas: Glorot/Xavier, He/Kaiming, orthogonal and
 * PyTorch's default {@code U(±1/√fan)}; {@link org.seqlearn.layers.init.Fans} computes fans as
 * PyTorch does.
 */
package org.seqlearn.layers.init;
