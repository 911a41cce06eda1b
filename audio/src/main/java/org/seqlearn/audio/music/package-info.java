/**
 * Polyphonic music models over 88-key piano rolls: {@link org.seqlearn.audio.music.PolyphonicModel}
 * (an LSTM or GRU with one sigmoid output per key), the JSB Chorales benchmark's negative
 * log-likelihood ({@link org.seqlearn.audio.music.FrameNll} over {@link
 * org.seqlearn.audio.music.RollBatch}), training on JSB ({@link
 * org.seqlearn.audio.music.JsbTraining}) and improvisation ({@link
 * org.seqlearn.audio.music.PolyphonicSampler}; {@link org.seqlearn.audio.music.JsbSampling} writes
 * MIDI, WAV and a piano-roll PNG).
 */
package org.seqlearn.audio.music;
