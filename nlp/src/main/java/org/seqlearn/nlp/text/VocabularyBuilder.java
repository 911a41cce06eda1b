package org.seqlearn.nlp.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Counts tokens and builds a {@link Vocabulary}: specials first, then tokens with count {@code >=
 * minCount} by descending count (ties: code-point order of the token), cut to {@code maxSize} ids
 * in total.
 */
public final class VocabularyBuilder {

  private final Map<String, Long> counts = new HashMap<>();
  private List<String> specials = List.of(Vocabulary.PAD, Vocabulary.UNK, Vocabulary.EOS);
  private String unk = Vocabulary.UNK;
  private long minCount = 1;
  private int maxSize = Integer.MAX_VALUE;

  VocabularyBuilder() {}

  /** Counts every token of one sequence. */
  public VocabularyBuilder add(List<String> sequence) {
    for (String token : sequence) {
      counts.merge(token, 1L, Long::sum);
    }
    return this;
  }

  /** Counts every token of every sequence. */
  public VocabularyBuilder addAll(Iterable<? extends List<String>> sequences) {
    for (List<String> s : sequences) {
      add(s);
    }
    return this;
  }

  /** Adds {@code count} occurrences of {@code token}. */
  public VocabularyBuilder add(String token, long count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, got " + count);
    }
    counts.merge(token, count, Long::sum);
    return this;
  }

  /** Drops tokens seen fewer than {@code minCount} times (they map to the unknown-token). */
  public VocabularyBuilder minCount(long minCount) {
    if (minCount < 1) {
      throw new IllegalArgumentException("minCount must be >= 1, got " + minCount);
    }
    this.minCount = minCount;
    return this;
  }

  /** Caps the vocabulary at {@code maxSize} ids, specials included. */
  public VocabularyBuilder maxSize(int maxSize) {
    if (maxSize < specials.size()) {
      throw new IllegalArgumentException("maxSize must be >= the " + specials.size()
          + " special tokens, got " + maxSize);
    }
    this.maxSize = maxSize;
    return this;
  }

  /**
   * The special tokens, in id order, and which of them (or null) unknown tokens map to; for a
   * character model, for instance, {@code specials(List.of("\n"), null)}.
   */
  public VocabularyBuilder specials(List<String> specials, String unknownToken) {
    if (new LinkedHashSet<>(specials).size() != specials.size()) {
      throw new IllegalArgumentException("expected distinct special tokens, got " + specials);
    }
    if (unknownToken != null && !specials.contains(unknownToken)) {
      throw new IllegalArgumentException("expected the unknown-token among the specials "
          + specials + ", got '" + unknownToken + "'");
    }
    this.specials = List.copyOf(specials);
    this.unk = unknownToken;
    return this;
  }

  /** Builds the vocabulary. */
  public Vocabulary build() {
    List<Map.Entry<String, Long>> entries = new ArrayList<>();
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      if (e.getValue() >= minCount && !specials.contains(e.getKey())) {
        entries.add(e);
      }
    }
    entries.sort((a, b) -> !a.getValue().equals(b.getValue())
        ? Long.compare(b.getValue(), a.getValue()) : compareCodePoints(a.getKey(), b.getKey()));
    int keep = (int) Math.min(entries.size(), (long) maxSize - specials.size());
    List<String> tokens = new ArrayList<>(specials);
    long[] tokenCounts = new long[specials.size() + keep];
    for (int i = 0; i < specials.size(); i++) {
      tokenCounts[i] = counts.getOrDefault(specials.get(i), 0L);
    }
    for (int i = 0; i < keep; i++) {
      tokens.add(entries.get(i).getKey());
      tokenCounts[specials.size() + i] = entries.get(i).getValue();
    }
    return new Vocabulary(tokens, tokenCounts, specials.size(), unk);
  }

  /** Code-point order (the same as Python's string order). */
  public static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
