package org.seqlearn.nlp.vectors;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.seqlearn.core.io.LineInput;
import org.seqlearn.core.io.TextFormatException;

/**
 * Word-similarity evaluation with gensim's {@code evaluate_word_pairs} rules, for WordSim-353
 * style files: lines starting with {@code #} are comments; every other line must split on tabs
 * into exactly {@code word1, word2, score} (otherwise it is skipped); pairs with a word outside
 * the first {@code restrictVocab} words are counted as out-of-vocabulary and skipped; the rest
 * are scored by cosine similarity and correlated with the human scores. gensim's {@code
 * delimiter} (e.g. a space for MEN; a header line whose score is not a number is skipped) and
 * {@code dummy4unknown} (an out-of-vocabulary pair scores similarity 0 and stays in the
 * correlation; the OOV ratio is then relative to the pairs used) are supported.
 */
public final class WordPairEvaluation {

  private WordPairEvaluation() {}

  /**
   * Evaluates {@code vectors} on a tab-separated word-pair file.
   *
   * @param restrictVocab only the first {@code restrictVocab} words are known (gensim default
   *     300000)
   * @param caseInsensitive fold case (gensim default true)
   * @throws IllegalArgumentException if no valid in-vocabulary pair is found
   * @throws TextFormatException if a line is longer than {@link
   *     LineInput#DEFAULT_MAX_LINE_BYTES} or not UTF-8 (naming the file, line and offset)
   */
  public static WordPairResult evaluate(WordVectors vectors, Path pairs, int restrictVocab,
      boolean caseInsensitive) throws IOException {
    return evaluate(vectors, pairs, restrictVocab, caseInsensitive, "\t", false);
  }

  /**
   * Evaluates {@code vectors} on a word-pair file split by {@code delimiter}, as gensim's {@code
   * evaluate_word_pairs(pairs, delimiter, restrict_vocab, case_insensitive, dummy4unknown)}.
   *
   * @param delimiter the literal column separator (gensim default a tab)
   * @param dummy4unknown score an out-of-vocabulary pair as similarity 0 instead of skipping it
   * @throws IllegalArgumentException if {@code delimiter} is empty or no pair is scored
   */
  public static WordPairResult evaluate(WordVectors vectors, Path pairs, int restrictVocab,
      boolean caseInsensitive, String delimiter, boolean dummy4unknown) throws IOException {
    if (delimiter.isEmpty()) {
      throw new IllegalArgumentException("expected a non-empty delimiter, got an empty one");
    }
    Pattern split = Pattern.compile(Pattern.quote(delimiter));
    EvaluationVocabulary vocab = new EvaluationVocabulary(vectors, restrictVocab, caseInsensitive);
    List<double[]> scored = new ArrayList<>();
    int oov = 0;
    try (LineInput in = LineInput.open(pairs)) {
      for (String line = in.readText(LineInput.DEFAULT_MAX_LINE_BYTES); line != null;
          line = in.readText(LineInput.DEFAULT_MAX_LINE_BYTES)) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] parts = split.split(line, -1);
        if (parts.length != 3) {
          continue;
        }
        double gold;
        try {
          gold = Double.parseDouble(parts[2].strip());
        } catch (NumberFormatException e) {
          continue;
        }
        int a = vocab.indexOf(vocab.key(parts[0]));
        int b = vocab.indexOf(vocab.key(parts[1]));
        if (a < 0 || b < 0) {
          oov++;
          if (dummy4unknown) {
            scored.add(new double[] {gold, 0.0});
          }
          continue;
        }
        scored.add(new double[] {gold, vectors.similarity(a, b)});
      }
    }
    if (scored.isEmpty()) {
      throw new IllegalArgumentException("expected at least one valid in-vocabulary word pair in "
          + pairs + ", found none (" + oov + " out-of-vocabulary)");
    }
    double[] gold = new double[scored.size()];
    double[] model = new double[scored.size()];
    for (int i = 0; i < gold.length; i++) {
      gold[i] = scored.get(i)[0];
      model[i] = scored.get(i)[1];
    }
    double pearson = gold.length < 2 ? Double.NaN : Correlation.pearson(gold, model);
    double spearman = gold.length < 2 ? Double.NaN : Correlation.spearman(gold, model);
    // gensim: with dummy4unknown the OOV pairs are already among the scored ones
    int known = dummy4unknown ? gold.length - oov : gold.length;
    int ratioBase = dummy4unknown ? gold.length : gold.length + oov;
    return new WordPairResult(pearson, spearman, 100.0 * oov / ratioBase, known, oov);
  }
}
