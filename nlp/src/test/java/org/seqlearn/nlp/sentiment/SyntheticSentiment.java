package org.seqlearn.nlp.sentiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.seqlearn.nlp.vectors.WordVectors;

/** Generated word vectors and sentences with planted sentiment structure, for tests. */
final class SyntheticSentiment {

  static final int DIM = 8;
  static final String[] POSITIVE = {"good", "great", "fine", "nice", "superb"};
  static final String[] NEGATIVE = {"bad", "awful", "poor", "dull", "weak"};
  static final String[] FILLER = {"the", "film", "was", "plot", "really", "a", "story"};

  private SyntheticSentiment() {}

  /**
   * Vectors: positive words cluster around +e0, negative around -e0, "not" along e1, fillers
   * small random vectors in the other dimensions.
   */
  static WordVectors vectors(long seed) {
    Random r = new Random(seed);
    List<String> words = new ArrayList<>();
    List<float[]> vs = new ArrayList<>();
    for (String w : POSITIVE) {
      words.add(w);
      vs.add(around(r, 0, 1f));
    }
    for (String w : NEGATIVE) {
      words.add(w);
      vs.add(around(r, 0, -1f));
    }
    words.add("not");
    vs.add(around(r, 1, 1f));
    for (String w : FILLER) {
      words.add(w);
      float[] v = around(r, 2 + r.nextInt(DIM - 2), 0.5f);
      vs.add(v);
    }
    float[] flat = new float[words.size() * DIM];
    for (int i = 0; i < vs.size(); i++) {
      System.arraycopy(vs.get(i), 0, flat, i * DIM, DIM);
    }
    return WordVectors.of(words, flat, DIM);
  }

  private static float[] around(Random r, int axis, float value) {
    float[] v = new float[DIM];
    for (int j = 0; j < DIM; j++) {
      v[j] = (float) (0.1 * r.nextGaussian());
    }
    v[axis] += value;
    return v;
  }

  /**
   * Lexical sentences: fillers plus one sentiment word; label 1 iff the word is positive.
   */
  static SentimentDataset lexical(int n, long seed) {
    Random r = new Random(seed);
    List<SentimentExample> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean pos = r.nextBoolean();
      List<String> toks = fillers(r, 2 + r.nextInt(3));
      toks.add(r.nextInt(toks.size() + 1), pick(r, pos ? POSITIVE : NEGATIVE));
      out.add(new SentimentExample(pos ? 1 : 0, String.join(" ", toks)));
    }
    return SentimentDataset.of(out);
  }

  /**
   * Negation sentences: every sentence holds one sentiment word and one "not"; the label is the
   * word's polarity, flipped when "not" comes right before it. The bag of words is the same for
   * both labels, so an average of word vectors carries no information about the label.
   */
  static SentimentDataset negation(int n, long seed) {
    Random r = new Random(seed);
    List<SentimentExample> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean pos = r.nextBoolean();
      boolean negated = r.nextBoolean();
      String word = pick(r, pos ? POSITIVE : NEGATIVE);
      List<String> toks = fillers(r, 1 + r.nextInt(3));
      if (negated) {
        int at = r.nextInt(toks.size() + 1);
        toks.add(at, word);
        toks.add(at, "not");
      } else {
        // "not" anywhere except directly before the word: put the word first, "not" after it.
        int at = r.nextInt(toks.size() + 1);
        toks.add(at, word);
        int notAt = at + 1 + r.nextInt(toks.size() - at);
        toks.add(notAt, "not");
      }
      int label = (pos ^ negated) ? 1 : 0;
      out.add(new SentimentExample(label, String.join(" ", toks)));
    }
    return SentimentDataset.of(out);
  }

  private static List<String> fillers(Random r, int count) {
    List<String> toks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      toks.add(pick(r, FILLER));
    }
    return toks;
  }

  private static String pick(Random r, String[] xs) {
    return xs[r.nextInt(xs.length)];
  }
}
