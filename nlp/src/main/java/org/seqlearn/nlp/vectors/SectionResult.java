package org.seqlearn.nlp.vectors;

/**
 * Counts for one section of an analogy file (gensim's {@code sections[i]} with the lengths of its
 * {@code correct} and {@code incorrect} lists).
 *
 * @param name the section name ({@code "capital-common-countries"}, {@code "Total accuracy"})
 * @param correct questions answered correctly
 * @param incorrect questions answered incorrectly (questions with unknown words are not counted)
 */
public record SectionResult(String name, int correct, int incorrect) {

  /** {@code correct / (correct + incorrect)}, or 0 when no question was evaluated (as gensim). */
  public double accuracy() {
    int seen = correct + incorrect;
    return seen == 0 ? 0.0 : (double) correct / seen;
  }

  /** Whether this is a syntactic section (its name starts with {@code "gram"}). */
  public boolean isSyntactic() {
    return name.startsWith("gram");
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "%s: %.1f%% (%d/%d)", name, 100 * accuracy(),
        correct, correct + incorrect);
  }
}
