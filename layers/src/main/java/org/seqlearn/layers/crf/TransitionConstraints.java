package org.seqlearn.layers.crf;

import java.util.List;

/**
 * Which tag transitions a {@link LinearChainCrf} may use: a forbidden transition gets score
 * {@code -∞}, so no path through it has probability and Viterbi never returns it.
 *
 * <p>{@link #bio} and {@link #bioes} derive the mask from tag names such as {@code O}, {@code
 * B-PER}, {@code I-PER}, {@code E-PER}, {@code S-PER} (the rules AllenNLP's {@code
 * allowed_transitions} uses):
 *
 * <ul>
 *   <li>BIO: {@code I-X} only after {@code B-X} or {@code I-X}, so never first; anything may end.
 *   <li>BIOES: {@code I-X} and {@code E-X} only after {@code B-X} or {@code I-X}; {@code O},
 *       {@code B-*} and {@code S-*} only after {@code O}, {@code E-*} or {@code S-*}; a path
 *       starts with {@code O}, {@code B-*} or {@code S-*} and ends with {@code O}, {@code E-*} or
 *       {@code S-*}.
 * </ul>
 */
public final class TransitionConstraints {

  private final int tags;
  private final boolean[] allowed;
  private final boolean[] start;
  private final boolean[] end;

  /**
   * @param allowed {@code allowed[i][j]}: whether tag {@code j} may follow tag {@code i},
   *     {@code [K][K]}
   * @param start whether a path may start with each tag, {@code [K]}
   * @param end whether a path may end with each tag, {@code [K]}
   */
  public TransitionConstraints(boolean[][] allowed, boolean[] start, boolean[] end) {
    tags = start.length;
    if (end.length != tags || allowed.length != tags) {
      throw new IllegalArgumentException("constraints: expected " + tags + " end flags and "
          + tags + " rows, got " + end.length + " and " + allowed.length);
    }
    this.allowed = new boolean[tags * tags];
    for (int i = 0; i < tags; i++) {
      if (allowed[i].length != tags) {
        throw new IllegalArgumentException("constraints: row " + i + " has " + allowed[i].length
            + " entries, expected " + tags);
      }
      System.arraycopy(allowed[i], 0, this.allowed, i * tags, tags);
    }
    this.start = start.clone();
    this.end = end.clone();
  }

  /** The BIO constraints for these tag names (index = tag id). */
  public static TransitionConstraints bio(List<String> tagNames) {
    return derive(tagNames, false);
  }

  /** The BIOES constraints for these tag names (index = tag id). */
  public static TransitionConstraints bioes(List<String> tagNames) {
    return derive(tagNames, true);
  }

  private static TransitionConstraints derive(List<String> names, boolean bioes) {
    int k = names.size();
    char[] prefix = new char[k];
    String[] type = new String[k];
    String valid = bioes ? "BIOES" : "BIO";
    for (int i = 0; i < k; i++) {
      String name = names.get(i);
      if (name.equals("O")) {
        prefix[i] = 'O';
        type[i] = "";
      } else if (name.length() > 2 && name.charAt(1) == '-'
          && valid.indexOf(name.charAt(0)) >= 0 && name.charAt(0) != 'O') {
        prefix[i] = name.charAt(0);
        type[i] = name.substring(2);
      } else {
        throw new IllegalArgumentException("constraints: tag " + i + " '" + name + "' is not a "
            + valid + " tag (expected O or one of " + String.join("-, ", valid.replace("O", "")
            .split("")) + "- followed by a type)");
      }
    }
    boolean[][] allowed = new boolean[k][k];
    boolean[] start = new boolean[k];
    boolean[] end = new boolean[k];
    for (int j = 0; j < k; j++) {
      boolean inside = prefix[j] == 'I' || prefix[j] == 'E';
      start[j] = !inside;
      end[j] = !bioes || prefix[j] == 'O' || prefix[j] == 'E' || prefix[j] == 'S';
      for (int i = 0; i < k; i++) {
        boolean open = prefix[i] == 'B' || prefix[i] == 'I';
        if (inside) {
          allowed[i][j] = open && type[i].equals(type[j]);
        } else {
          allowed[i][j] = !bioes || !open;
        }
      }
    }
    return new TransitionConstraints(allowed, start, end);
  }

  /** The number of tags {@code K}. */
  public int tags() {
    return tags;
  }

  /** Whether tag {@code to} may follow tag {@code from}. */
  public boolean allowed(int from, int to) {
    return allowed[from * tags + to];
  }

  /** Whether a path may start with {@code tag}. */
  public boolean allowedStart(int tag) {
    return start[tag];
  }

  /** Whether a path may end with {@code tag}. */
  public boolean allowedEnd(int tag) {
    return end[tag];
  }
}
