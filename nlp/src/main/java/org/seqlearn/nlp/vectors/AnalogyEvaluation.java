package org.seqlearn.nlp.vectors;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.seqlearn.core.io.LineInput;
import org.seqlearn.core.io.TextFormatException;

/**
 * Word-analogy evaluation with gensim's {@code evaluate_word_analogies} counting rules.
 *
 * <p>The file has section headers {@code ": name"} and questions {@code "a b c d"} meaning
 * {@code a : b :: c : d}. Lines that do not split into exactly four words are skipped and not
 * counted. A question with any word outside the first {@code restrictVocab} words is counted in
 * {@link AnalogyResult#questionsTotal()} but not evaluated. Otherwise the prediction is the first
 * of the top five 3CosAdd answers ({@code mostSimilar([b, c], [a], 5, restrictVocab)}) that is not
 * one of {@code a, b, c} (after case folding), and the question is correct when it equals
 * {@code d}. With {@code caseInsensitive}, every word is upper-cased and a case-folded word maps
 * to its most frequent variant.
 */
public final class AnalogyEvaluation {

  private AnalogyEvaluation() {}

  /**
   * Evaluates {@code vectors} on an analogy file such as {@code questions-words.txt}.
   *
   * @param restrictVocab only the first {@code restrictVocab} words are known (gensim default
   *     300000)
   * @param caseInsensitive fold case (gensim default true)
   * @throws WordVectorFormatException if a question comes before the first section header
   * @throws TextFormatException if a line is longer than {@link
   *     LineInput#DEFAULT_MAX_LINE_BYTES} or not UTF-8 (naming the file, line and offset)
   */
  public static AnalogyResult evaluate(WordVectors vectors, Path questions, int restrictVocab,
      boolean caseInsensitive) throws IOException {
    EvaluationVocabulary vocab = new EvaluationVocabulary(vectors, restrictVocab, caseInsensitive);
    NeighbourSearch search = new NeighbourSearch(vectors);
    List<SectionResult> sections = new ArrayList<>();
    String section = null;
    int correct = 0;
    int incorrect = 0;
    int total = 0;
    int seen = 0;
    try (LineInput in = LineInput.open(questions)) {
      for (String line = in.readText(LineInput.DEFAULT_MAX_LINE_BYTES); line != null;
          line = in.readText(LineInput.DEFAULT_MAX_LINE_BYTES)) {
        if (line.startsWith(": ")) {
          if (section != null) {
            sections.add(new SectionResult(section, correct, incorrect));
          }
          section = sectionName(line);
          correct = 0;
          incorrect = 0;
          continue;
        }
        String[] words = line.strip().split("\\s+");
        if (section == null) {
          if (line.isBlank()) {
            continue;
          }
          throw new WordVectorFormatException(in.error("expected a section header ': name' "
              + "before the first question, found '"
              + (line.length() > 60 ? line.substring(0, 60) + "..." : line) + "'").getMessage(),
              in.lineNumber(), in.lineOffset());
        }
        if (words.length != 4) {
          continue;
        }
        total++;
        String[] keys = new String[4];
        int[] idx = new int[4];
        boolean known = true;
        for (int k = 0; k < 4; k++) {
          keys[k] = vocab.key(words[k]);
          idx[k] = vocab.indexOf(keys[k]);
          known &= idx[k] >= 0;
        }
        if (!known) {
          continue;
        }
        seen++;
        List<ScoredWord> answers = search.mostSimilar(new int[] {idx[1], idx[2]},
            new int[] {idx[0]}, 5, restrictVocab);
        String predicted = null;
        for (ScoredWord answer : answers) {
          predicted = vocab.key(answer.word());
          if (vocab.indexOf(predicted) >= 0 && !predicted.equals(keys[0])
              && !predicted.equals(keys[1]) && !predicted.equals(keys[2])) {
            break;
          }
        }
        if (keys[3].equals(predicted)) {
          correct++;
        } else {
          incorrect++;
        }
      }
    }
    if (section != null) {
      sections.add(new SectionResult(section, correct, incorrect));
    }
    return new AnalogyResult(sections, total, seen);
  }

  /** Python's {@code line.lstrip(': ').strip()}. */
  private static String sectionName(String line) {
    int i = 0;
    while (i < line.length() && (line.charAt(i) == ':' || line.charAt(i) == ' ')) {
      i++;
    }
    return line.substring(i).strip();
  }
}
