package org.seqlearn.nlp.vectors;

import java.util.List;

/**
 * The outcome of {@link WordVectors#evaluateWordAnalogies}: what gensim's {@code
 * evaluate_word_analogies} returns (score and per-section counts) plus the question counts it
 * only logs.
 *
 * @param sections the file's sections in order (without the total)
 * @param questionsTotal well-formed questions (four words) in the file
 * @param questionsSeen questions evaluated, i.e. with all four words in the restricted vocabulary
 */
public record AnalogyResult(List<SectionResult> sections, int questionsTotal, int questionsSeen) {

  public AnalogyResult {
    sections = List.copyOf(sections);
  }

  /** All sections together, named {@code "Total accuracy"} as in gensim. */
  public SectionResult total() {
    return sum("Total accuracy", null);
  }

  /** The non-{@code gram*} sections together. */
  public SectionResult semantic() {
    return sum("semantic", false);
  }

  /** The {@code gram*} sections together. */
  public SectionResult syntactic() {
    return sum("syntactic", true);
  }

  /** Overall accuracy: gensim's returned {@code score}. */
  public double score() {
    return total().accuracy();
  }

  /** {@code questionsSeen / questionsTotal}, 0 for a file without questions. */
  public double seenRatio() {
    return questionsTotal == 0 ? 0.0 : (double) questionsSeen / questionsTotal;
  }

  /** Questions skipped for out-of-vocabulary words, as a percentage (gensim's logged figure). */
  public double oovPercent() {
    return questionsTotal == 0 ? 0.0 : 100.0 * (questionsTotal - questionsSeen) / questionsTotal;
  }

  private SectionResult sum(String name, Boolean syntactic) {
    int correct = 0;
    int incorrect = 0;
    for (SectionResult s : sections) {
      if (syntactic == null || s.isSyntactic() == syntactic) {
        correct += s.correct();
        incorrect += s.incorrect();
      }
    }
    return new SectionResult(name, correct, incorrect);
  }
}
