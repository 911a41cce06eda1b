package org.seqlearn.audio.music;

/** The recurrent cell of a {@link PolyphonicModel}. */
public enum MusicCell {
  /** Long short-term memory. */
  LSTM,
  /** Gated recurrent unit. */
  GRU
}
