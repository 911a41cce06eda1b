package org.seqlearn.nlp.tagging;

import java.util.Collections;
import java.util.SortedMap;

/**
 * The result of {@link EntityScorer}: token accuracy and chunk counts overall and per entity
 * type, as conlleval reports them.
 *
 * @param tokens tokens scored
 * @param correctTags tokens whose predicted tag equals the gold tag
 * @param overall chunk counts over all types (micro-averaged precision, recall and F1)
 * @param byType chunk counts per type, types in code-point order (conlleval's sort)
 */
public record EntityScores(int tokens, int correctTags, ChunkCounts overall,
    SortedMap<String, ChunkCounts> byType) {

  /** Makes {@code byType} unmodifiable. */
  public EntityScores {
    byType = Collections.unmodifiableSortedMap(byType);
  }

  /** {@code 100 · correctTags / tokens}, 0 for no tokens. */
  public double accuracy() {
    return tokens > 0 ? 100.0 * correctTags / tokens : 0.0;
  }
}
