package org.seqlearn.nlp.vectors;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * gensim's {@code ok_vocab} for the evaluations: the first {@code restrictVocab} words mapped to
 * their index, optionally upper-cased, the first (most frequent) variant winning when several
 * words share a case-folded form.
 */
final class EvaluationVocabulary {

  private final Map<String, Integer> index = new HashMap<>();
  private final boolean caseInsensitive;

  EvaluationVocabulary(WordVectors vectors, int restrictVocab, boolean caseInsensitive) {
    if (restrictVocab < 0) {
      throw new IllegalArgumentException("restrictVocab must be >= 0, got " + restrictVocab);
    }
    this.caseInsensitive = caseInsensitive;
    int end = Math.min(restrictVocab, vectors.size());
    for (int i = 0; i < end; i++) {
      index.putIfAbsent(key(vectors.word(i)), i);
    }
  }

  /** The lookup form: upper case (as Python's {@code str.upper}) when case-insensitive. */
  String key(String word) {
    return caseInsensitive ? word.toUpperCase(Locale.ROOT) : word;
  }

  /** The index for an already {@link #key}-ed word, or -1. */
  int indexOf(String key) {
    Integer i = index.get(key);
    return i == null ? -1 : i;
  }
}
