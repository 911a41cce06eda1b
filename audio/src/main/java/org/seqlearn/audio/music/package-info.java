/**
 * Polyphonic music models over 88-key piano rolls: {@link org.seqlearn.audio.music.PolyphonicModel}
 * (an LSTM or GRU with one sigmoid output per key), the benchmark's negative log-likelihood
 * ({@link org.seqlearn.audio.music.FrameNll}) and JSB Chorales training ({@link
 * org.seqlearn.audio.music.JsbTraining}).
 */
package org.seqlearn.audio.music;
