package org.seqlearn.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.seqlearn.nlp.tagging.ConllReader;
import org.seqlearn.nlp.tagging.ConllevalReport;
import org.seqlearn.nlp.tagging.EntityScorer;
import org.seqlearn.nlp.tagging.TagScheme;
import org.seqlearn.nlp.tagging.TaggedSentence;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code seqlearn ner evaluate GOLD PREDICTED}: the conlleval report of predicted tags against
 * gold tags, each file in CoNLL format with the same tokens and sentences.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Entity-level precision, recall and F1 of PREDICTED tags against GOLD tags, printed as"
          + " conlleval prints them (exact span and type matches; an I- tag after O or after"
          + " another type starts a chunk). Both files are CoNLL format (UTF-8, one token per"
          + " line, blank line between sentences) with the same tokens; the tag is the last"
          + " column unless --tag-column says otherwise.",
      "",
      "Examples: seqlearn ner evaluate test.gold.conll test.pred.conll",
      "          seqlearn ner evaluate gold.tsv pred.tsv --separator $'\\t' --scheme BIOES"
    })
public final class NerEvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "GOLD", description = "Gold-standard CoNLL file.")
  Path gold;

  @Parameters(index = "1", paramLabel = "PREDICTED", description = "Predicted CoNLL file.")
  Path predicted;

  @Option(
      names = {"-d", "--separator"},
      paramLabel = "SEP",
      description = "Column separator (default: any run of whitespace).")
  String separator;

  @Option(
      names = "--tag-column",
      defaultValue = "-1",
      paramLabel = "N",
      description = "0-based tag column in both files; negative counts from the end (default:"
          + " ${DEFAULT-VALUE}, the last).")
  int tagColumn;

  @Option(
      names = "--scheme",
      paramLabel = "SCHEME",
      description = "Check the tags are IOB1, BIO or BIOES; BIOES tags are converted to BIO"
          + " before scoring (conlleval does not know S- tags). Default: score the tags as"
          + " conlleval would, unchecked.")
  TagScheme scheme;

  @Override
  public Integer call() {
    try {
      List<TaggedSentence> g = read(gold);
      List<TaggedSentence> p = read(predicted);
      PrintWriter out = spec.commandLine().getOut();
      out.print(ConllevalReport.format(EntityScorer.score(g, p)));
      out.flush();
      return 0;
    } catch (IllegalArgumentException | IOException e) {
      String message = e instanceof NoSuchFileException ? "no such file: " + e.getMessage()
          : e.getMessage();
      spec.commandLine().getErr().println("ner evaluate: " + message);
      return 2;
    }
  }

  private List<TaggedSentence> read(Path file) throws IOException {
    ConllReader reader = new ConllReader().withColumns(0, tagColumn);
    if (separator != null) {
      reader = reader.withSeparator(separator);
    }
    List<TaggedSentence> sentences = reader.read(file);
    if (sentences.isEmpty()) {
      throw new IllegalArgumentException(file + " has no tokens (expected a CoNLL file)");
    }
    if (scheme == null) {
      return sentences;
    }
    List<TaggedSentence> out = new ArrayList<>(sentences.size());
    for (TaggedSentence s : sentences) {
      List<String> tags;
      try {
        tags = scheme.convert(s.tags(), scheme == TagScheme.BIOES ? TagScheme.BIO : scheme);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ":" + s.firstLine() + ": in the sentence "
            + "starting here, " + e.getMessage());
      }
      out.add(new TaggedSentence(s.tokens(), scheme == TagScheme.BIOES ? tags : s.tags(),
          s.firstLine()));
    }
    return out;
  }
}
