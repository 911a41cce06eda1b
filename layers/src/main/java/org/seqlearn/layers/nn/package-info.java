/**
 * Non-recurrent modules with PyTorch's parameter names and default initialisation: {@link
 * org.seqlearn.layers.nn.Linear}, {@link org.seqlearn.layers.nn.Embedding}, {@link
 * org.seqlearn.layers.nn.Dropout}, {@link org.seqlearn.layers.nn.LayerNorm}, {@link
 * org.seqlearn.layers.nn.BatchNorm1d}, {@link org.seqlearn.layers.nn.Conv1d}, activations, and
 * the combinators {@link org.seqlearn.layers.nn.Sequential} and {@link
 * org.seqlearn.layers.nn.TimeDistributed}.
 */
package org.seqlearn.layers.nn;
