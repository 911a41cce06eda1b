package org.seqlearn.nlp.lm;

import java.util.Locale;

/** The recurrent cell of a {@link RecurrentLanguageModel}. */
public enum CellType {
  /** Long short-term memory: gates Γu, Γf, Γo and a memory cell c⟨t⟩ besides a⟨t⟩. */
  LSTM,
  /** Gated recurrent unit (PyTorch's form): update and reset gates, c⟨t⟩ = a⟨t⟩. */
  GRU,
  /** The vanilla tanh RNN of the course: a⟨t⟩ = tanh(Wa [a⟨t−1⟩, x⟨t⟩] + ba). */
  RNN;

  /**
   * The cell named {@code name}, case-insensitively ({@code "lstm"}, {@code "gru"}, {@code
   * "rnn"}).
   *
   * @throws IllegalArgumentException naming the accepted values and the given one
   */
  public static CellType parse(String name) {
    for (CellType c : values()) {
      if (c.name().equalsIgnoreCase(name.trim())) {
        return c;
      }
    }
    throw new IllegalArgumentException("expected a cell type lstm, gru or rnn, got '" + name + "'");
  }

  /** The lower-case name, as accepted by {@link #parse(String)}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
