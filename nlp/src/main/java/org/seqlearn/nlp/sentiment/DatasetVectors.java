package org.seqlearn.nlp.sentiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.seqlearn.core.random.Rng;
import org.seqlearn.nlp.text.Tokenizer;
import org.seqlearn.nlp.vectors.WordVectors;

/**
 * The word vectors a sentiment model needs for a set of sentences: the pretrained vectors of the
 * words that occur in them, plus (optionally) a random vector for each frequent token that has no
 * pretrained one (e.g. {@code !}, or a rare name), for a model that fine-tunes its embeddings to
 * learn. Only the texts are read, never labels, so building it from all sentences of a
 * cross-validation does not leak test labels.
 */
public final class DatasetVectors {

  private DatasetVectors() {}

  /**
   * Builds the restricted vocabulary: first the known words in order of first occurrence, then
   * the unknown tokens that occur at least {@code unknownMinCount} times, in order of first
   * occurrence, each with a vector drawn uniformly from {@code [-scale, scale]} where {@code
   * scale} is the mean absolute value of the known vectors' entries.
   *
   * @param all pretrained vectors {@code [V, D]}
   * @param texts the sentences
   * @param tokenizer how the sentences are split (as the vectors' corpus was)
   * @param unknownMinCount occurrences an unknown token needs to get a vector; 0 for none
   * @param seed seed of the random vectors
   * @return vectors {@code [V', D]} over the kept words
   */
  public static WordVectors of(WordVectors all, List<String> texts, Tokenizer tokenizer,
      int unknownMinCount, long seed) {
    if (unknownMinCount < 0) {
      throw new IllegalArgumentException("unknownMinCount must be >= 0, got " + unknownMinCount);
    }
    Map<String, Integer> known = new LinkedHashMap<>();
    Map<String, Integer> unknown = new LinkedHashMap<>();
    for (String text : texts) {
      for (String t : tokenizer.tokenize(text)) {
        (all.contains(t) ? known : unknown).merge(t, 1, Integer::sum);
      }
    }
    List<String> words = new ArrayList<>(known.keySet());
    if (unknownMinCount > 0) {
      for (Map.Entry<String, Integer> e : unknown.entrySet()) {
        if (e.getValue() >= unknownMinCount) {
          words.add(e.getKey());
        }
      }
    }
    int d = all.dimension();
    float[] m = new float[words.size() * d];
    double absSum = 0;
    for (int i = 0; i < known.size(); i++) {
      float[] v = all.vector(words.get(i));
      System.arraycopy(v, 0, m, i * d, d);
      for (float x : v) {
        absSum += Math.abs(x);
      }
    }
    float scale = known.isEmpty() ? 0.1f : (float) (absSum / ((double) known.size() * d));
    Rng rng = new Rng(seed);
    for (int i = known.size() * d; i < m.length; i++) {
      m[i] = (float) ((2 * rng.nextDouble() - 1) * scale);
    }
    return WordVectors.of(words, m, d);
  }

  /**
   * How much of the sentences' text the vectors cover.
   *
   * @param tokens token occurrences
   * @param knownTokens occurrences of tokens that have a vector
   * @param types distinct tokens
   * @param knownTypes distinct tokens that have a vector
   */
  public record Coverage(long tokens, long knownTokens, int types, int knownTypes) {

    /** Share of token occurrences with a vector (NaN without tokens). */
    public double tokenShare() {
      return tokens == 0 ? Double.NaN : (double) knownTokens / tokens;
    }

    /** Share of distinct tokens with a vector (NaN without tokens). */
    public double typeShare() {
      return types == 0 ? Double.NaN : (double) knownTypes / types;
    }
  }

  /** Counts the tokens of {@code texts} and those that {@code vectors} has. */
  public static Coverage coverage(WordVectors vectors, List<String> texts, Tokenizer tokenizer) {
    Map<String, Boolean> seen = new LinkedHashMap<>();
    long tokens = 0;
    long known = 0;
    for (String text : texts) {
      for (String t : tokenizer.tokenize(text)) {
        tokens++;
        boolean has = vectors.contains(t);
        if (has) {
          known++;
        }
        seen.putIfAbsent(t, has);
      }
    }
    int knownTypes = 0;
    for (boolean has : seen.values()) {
      if (has) {
        knownTypes++;
      }
    }
    return new Coverage(tokens, known, seen.size(), knownTypes);
  }
}
