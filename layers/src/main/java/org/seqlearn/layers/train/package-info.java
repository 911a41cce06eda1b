/**
 * The training loop ({@link org.seqlearn.layers.train.Trainer}) and its parts: batches, metrics,
 * early stopping, atomic checkpoints, callbacks and the progress bar.
 */
package org.seqlearn.layers.train;
