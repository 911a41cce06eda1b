package org.seqlearn.audio.asr;

import java.util.List;

/**
 * Character and word error rates: Levenshtein distance (substitutions, insertions, deletions, each
 * cost 1) between hypothesis and reference, summed over a test set and divided by the total
 * reference length (characters, spaces included, or words), as jiwer and torchmetrics compute them.
 */
public final class ErrorRates {
  private long charErrors;
  private long chars;
  private long wordErrors;
  private long words;

  /** Adds one utterance. */
  public void add(String reference, String hypothesis) {
    charErrors += distance(reference.codePoints().toArray(), hypothesis.codePoints().toArray());
    chars += reference.codePointCount(0, reference.length());
    String[] r = split(reference);
    String[] h = split(hypothesis);
    wordErrors += distance(r, h);
    words += r.length;
  }

  /** Character error rate so far (0 with no reference characters). */
  public double cer() {
    return chars == 0 ? 0 : charErrors / (double) chars;
  }

  /** Word error rate so far. */
  public double wer() {
    return words == 0 ? 0 : wordErrors / (double) words;
  }

  /** Error rates of parallel lists. */
  public static ErrorRates of(List<String> references, List<String> hypotheses) {
    if (references.size() != hypotheses.size()) {
      throw new IllegalArgumentException("expected as many hypotheses as references ("
          + references.size() + "), got " + hypotheses.size());
    }
    ErrorRates e = new ErrorRates();
    for (int i = 0; i < references.size(); i++) {
      e.add(references.get(i), hypotheses.get(i));
    }
    return e;
  }

  private static String[] split(String s) {
    String t = s.strip();
    return t.isEmpty() ? new String[0] : t.split("\\s+");
  }

  /** Levenshtein distance between two int sequences. */
  static int distance(int[] a, int[] b) {
    int[] prev = new int[b.length + 1];
    int[] cur = new int[b.length + 1];
    for (int j = 0; j <= b.length; j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length; i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length; j++) {
        int sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length];
  }

  /** Levenshtein distance between two word sequences. */
  static int distance(String[] a, String[] b) {
    java.util.Map<String, Integer> ids = new java.util.HashMap<>();
    int[] x = new int[a.length];
    int[] y = new int[b.length];
    for (int i = 0; i < a.length; i++) {
      x[i] = ids.computeIfAbsent(a[i], k -> ids.size());
    }
    for (int i = 0; i < b.length; i++) {
      y[i] = ids.computeIfAbsent(b[i], k -> ids.size());
    }
    return distance(x, y);
  }
}
