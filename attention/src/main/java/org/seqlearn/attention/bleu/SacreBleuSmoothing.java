package org.seqlearn.attention.bleu;

import java.util.Locale;

/**
 * sacreBLEU's precision smoothing methods (Chen and Cherry 2014 numbering in brackets), applied
 * to an order n whose clipped match count mₙ is 0 (or, for add-k, to every order n ≥ 2):
 *
 * <ul>
 *   <li>{@link #EXP} (method 3, mteval-v13a's NIST smoothing, the default): pₙ = 1/(2^k · totalₙ)
 *       for the k-th zero count; the same as NLTK's method 3;
 *   <li>{@link #FLOOR} (method 1): pₙ = v/totalₙ, v = 0.1 by default; NLTK's method 1 with ε = v;
 *   <li>{@link #ADD_K} (method 2 generalised): pₙ = (mₙ + k)/(totalₙ + k) for n ≥ 2, k = 1 by
 *       default; NLTK's method 2 for k = 1;
 *   <li>{@link #NONE}: a zero precision makes the score 0.
 * </ul>
 */
public enum SacreBleuSmoothing {
  /** No smoothing. */
  NONE("none", Double.NaN),
  /** Replace a zero count by a floor value (default 0.1). */
  FLOOR("floor", 0.1),
  /** Add k (default 1) to the counts and totals of orders ≥ 2. */
  ADD_K("add-k", 1),
  /** The NIST geometric sequence 1/2, 1/4, … for successive zero counts. */
  EXP("exp", Double.NaN);

  private final String label;
  private final double defaultValue;

  SacreBleuSmoothing(String label, double defaultValue) {
    this.label = label;
    this.defaultValue = defaultValue;
  }

  /** sacreBLEU's name: {@code none}, {@code floor}, {@code add-k} or {@code exp}. */
  public String label() {
    return label;
  }

  /** Whether the method takes a value (floor and add-k). */
  public boolean takesValue() {
    return !Double.isNaN(defaultValue);
  }

  /** The value used when none is given (0.1 for floor, 1 for add-k; NaN for the others). */
  public double defaultValue() {
    return defaultValue;
  }

  /** The method sacreBLEU calls {@code label}. */
  public static SacreBleuSmoothing forName(String label) {
    for (SacreBleuSmoothing s : values()) {
      if (s.label.equals(label.toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "smoothing must be exp, floor, add-k or none, got '" + label + "'");
  }
}
