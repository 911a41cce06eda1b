package org.seqlearn.nlp.tagging;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.seqlearn.nlp.text.VocabularyBuilder;

/**
 * The CoNLL entity-level scorer, a port of {@code conlleval} (the CoNLL-2000/2003 shared tasks'
 * Perl script): a predicted chunk counts as correct only when a gold chunk has the same start,
 * the same end and the same type. Chunk starts and ends are conlleval's: an {@code I-X} after
 * {@code O} or after another type starts a chunk, so IOB1 and BIO are both read as intended.
 * Precision, recall and F1 are micro-averaged over all chunks, and given per type.
 *
 * <p>This follows conlleval (not seqeval's strict mode); its results equal the Perl script's on
 * the fixtures of {@code tools/gen_conlleval_fixtures.py}. Like the script, it does not know
 * BIOES's {@code S-} prefix: convert BIOES tags to BIO first ({@link TagScheme#convert}).
 * Sentences are separated as conlleval's blank lines separate them.
 */
public final class EntityScorer {

  /** Sorts types by code point, as Perl's {@code sort} sorts UTF-8 strings. */
  static final Comparator<String> CODE_POINT_ORDER = VocabularyBuilder::compareCodePoints;

  private EntityScorer() {}

  /**
   * Scores predicted sentences against gold ones, which must have the same tokens.
   *
   * @throws IllegalArgumentException if the sentence counts, lengths or tokens differ (naming
   *     the sentence and its line numbers)
   */
  public static EntityScores score(List<TaggedSentence> gold, List<TaggedSentence> predicted) {
    if (gold.size() != predicted.size()) {
      throw new IllegalArgumentException("expected as many predicted sentences as gold ones ("
          + gold.size() + "), got " + predicted.size());
    }
    State s = new State();
    for (int n = 0; n < gold.size(); n++) {
      TaggedSentence g = gold.get(n);
      TaggedSentence p = predicted.get(n);
      String where = "sentence " + (n + 1) + " (gold line " + g.firstLine() + ", predicted line "
          + p.firstLine() + ")";
      if (g.size() != p.size()) {
        throw new IllegalArgumentException(where + ": expected " + g.size() + " predicted tokens,"
            + " got " + p.size());
      }
      if (!g.tokens().equals(p.tokens())) {
        int i = 0;
        while (g.tokens().get(i).equals(p.tokens().get(i))) {
          i++;
        }
        throw new IllegalArgumentException(where + ": token " + (i + 1) + " differs: gold '"
            + g.tokens().get(i) + "', predicted '" + p.tokens().get(i) + "'");
      }
      if (n > 0) {
        s.step(ChunkTag.OUTSIDE, ChunkTag.OUTSIDE, false);
      }
      for (int i = 0; i < g.size(); i++) {
        s.step(ChunkTag.parse(g.tags().get(i)), ChunkTag.parse(p.tags().get(i)), true);
      }
    }
    return s.finish();
  }

  /** conlleval's main loop, one (gold, predicted) tag pair at a time. */
  private static final class State {
    private final Map<String, int[]> counts = new TreeMap<>(CODE_POINT_ORDER);
    private ChunkTag lastGold = ChunkTag.OUTSIDE;
    private ChunkTag lastGuess = ChunkTag.OUTSIDE;
    private boolean inCorrect;
    private int tokens;
    private int correctTags;

    private int[] of(String type) {
      return counts.computeIfAbsent(type, t -> new int[3]);
    }

    void step(ChunkTag gold, ChunkTag guess, boolean counted) {
      boolean goldEnds = ChunkTag.endOfChunk(lastGold, gold, false);
      boolean guessEnds = ChunkTag.endOfChunk(lastGuess, guess, false);
      if (inCorrect) {
        if (goldEnds && guessEnds && lastGuess.type().equals(lastGold.type())) {
          inCorrect = false;
          of(lastGold.type())[2]++;
        } else if (goldEnds != guessEnds || !guess.type().equals(gold.type())) {
          inCorrect = false;
        }
      }
      boolean goldStarts = ChunkTag.startOfChunk(lastGold, gold, false);
      boolean guessStarts = ChunkTag.startOfChunk(lastGuess, guess, false);
      if (goldStarts && guessStarts && guess.type().equals(gold.type())) {
        inCorrect = true;
      }
      if (goldStarts) {
        of(gold.type())[0]++;
      }
      if (guessStarts) {
        of(guess.type())[1]++;
      }
      if (counted) {
        if (gold.equals(guess)) {
          correctTags++;
        }
        tokens++;
      }
      lastGold = gold;
      lastGuess = guess;
    }

    EntityScores finish() {
      if (inCorrect) {
        of(lastGold.type())[2]++;
        inCorrect = false;
      }
      TreeMap<String, ChunkCounts> byType = new TreeMap<>(CODE_POINT_ORDER);
      int gold = 0;
      int predicted = 0;
      int correct = 0;
      for (Map.Entry<String, int[]> e : counts.entrySet()) {
        int[] c = e.getValue();
        byType.put(e.getKey(), new ChunkCounts(c[0], c[1], c[2]));
        gold += c[0];
        predicted += c[1];
        correct += c[2];
      }
      return new EntityScores(tokens, correctTags, new ChunkCounts(gold, predicted, correct),
          byType);
    }
  }
}
