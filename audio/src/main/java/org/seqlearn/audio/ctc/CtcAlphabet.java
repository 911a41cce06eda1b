package org.seqlearn.audio.ctc;

import java.util.Arrays;

/**
 * The symbols a CTC network emits: one character per symbol index, and a blank. A space is the
 * word delimiter (what lexicons, word bonuses and hotwords look for).
 */
public final class CtcAlphabet {
  private final int[] characters;
  private final int blank;

  /**
   * @param characters the character of each symbol; the entry at {@code blank} is ignored
   * @param blank the blank's index
   */
  public CtcAlphabet(String characters, int blank) {
    this.characters = characters.codePoints().toArray();
    if (blank < 0 || blank >= this.characters.length) {
      throw new IllegalArgumentException("blank index must be in [0, " + this.characters.length
          + "), got " + blank);
    }
    this.blank = blank;
    for (int i = 0; i < this.characters.length; i++) {
      for (int j = 0; j < i; j++) {
        if (i != blank && j != blank && this.characters[i] == this.characters[j]) {
          throw new IllegalArgumentException("expected distinct characters, got '"
              + Character.toString(this.characters[i]) + "' at " + j + " and " + i);
        }
      }
    }
  }

  /** Blank at 0 followed by {@code characters}. */
  public static CtcAlphabet blankFirst(String characters) {
    return new CtcAlphabet("_" + characters, 0);
  }

  /** Number of symbols, the blank included. */
  public int size() {
    return characters.length;
  }

  public int blank() {
    return blank;
  }

  /** The character of a non-blank symbol. */
  public int character(int symbol) {
    if (symbol < 0 || symbol >= characters.length || symbol == blank) {
      throw new IllegalArgumentException("expected a non-blank symbol in [0, "
          + characters.length + "), got " + symbol);
    }
    return characters[symbol];
  }

  /** Whether a symbol is the word delimiter (a space). */
  public boolean isSpace(int symbol) {
    return symbol != blank && characters[symbol] == ' ';
  }

  /** The text of decoded tokens. */
  public String text(int[] tokens) {
    StringBuilder sb = new StringBuilder();
    for (int t : tokens) {
      sb.appendCodePoint(character(t));
    }
    return sb.toString();
  }

  /** The symbols spelling {@code text}; a character outside the alphabet is an error. */
  public int[] encode(String text) {
    return text.codePoints().map(cp -> {
      for (int i = 0; i < characters.length; i++) {
        if (i != blank && characters[i] == cp) {
          return i;
        }
      }
      throw new IllegalArgumentException("expected characters of the alphabet '"
          + alphabetText() + "', got '" + Character.toString(cp) + "' in '" + text + "'");
    }).toArray();
  }

  private String alphabetText() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < characters.length; i++) {
      if (i != blank) {
        sb.appendCodePoint(characters[i]);
      }
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return "CtcAlphabet" + Arrays.toString(characters) + " blank " + blank;
  }
}
