package org.seqlearn.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.seqlearn.attention.bleu.BleuScore;
import org.seqlearn.attention.bleu.BleuTokenizer;
import org.seqlearn.attention.bleu.NltkBleu;
import org.seqlearn.attention.bleu.SacreBleu;
import org.seqlearn.attention.bleu.SacreBleuSmoothing;
import org.seqlearn.attention.bleu.SegmentReader;
import org.seqlearn.attention.bleu.SmoothingFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code seqlearn bleu}: BLEU of a hypothesis file against line-aligned reference files, printed
 * the way sacreBLEU prints it (score, n-gram precisions, BP, length ratio, lengths, signature),
 * or with {@code --nltk} as NLTK's {@code corpus_bleu} computes it.
 *
 * <pre>
 * seqlearn bleu output.detok.txt ref.en ref2.en              # sacreBLEU: 13a, exp, 0-100
 * seqlearn bleu output.tok ref.tok --nltk --nltk-smoothing 1 # NLTK on whitespace tokens, 0-1
 * </pre>
 */
@Command(
    name = "bleu",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "BLEU of HYPOTHESES against one or more line-aligned REFERENCES files (UTF-8, one segment"
          + " per line). By default as sacreBLEU 2.6 computes it on detokenised text (tokenizer"
          + " 13a, exp smoothing, 0-100), with its signature; --nltk gives NLTK's corpus_bleu on"
          + " whitespace tokens (0-1, smoothing methods 0-7, custom weights).",
      "",
      "Examples: seqlearn bleu output.txt ref.txt ref2.txt",
      "          seqlearn bleu output.tok ref.tok --nltk --nltk-smoothing 1"
    })
public final class BleuCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "HYPOTHESES", description = "System output, one per line.")
  Path hypotheses;

  @Parameters(
      index = "1..*",
      arity = "1..*",
      paramLabel = "REFERENCES",
      description = "Reference files, each line-aligned with HYPOTHESES.")
  List<Path> references = new ArrayList<>();

  @Option(
      names = {"-tok", "--tokenize"},
      paramLabel = "NAME",
      description = "13a | intl | char | none (default: 13a; none with --nltk).")
  String tokenize;

  @Option(
      names = {"-s", "--smooth-method"},
      defaultValue = "exp",
      paramLabel = "METHOD",
      description = "sacreBLEU smoothing: exp | floor | add-k | none (default: ${DEFAULT-VALUE}).")
  String smoothMethod;

  @Option(
      names = {"-sv", "--smooth-value"},
      paramLabel = "V",
      description = "Value for floor (default 0.1) or add-k (default 1).")
  Double smoothValue;

  @Option(names = {"-lc", "--lowercase"}, description = "Lowercase hypotheses and references.")
  boolean lowercase;

  @Option(
      names = {"-sl", "--sentence-level"},
      description = "One score per line instead of the corpus score (sacreBLEU: with effective"
          + " order, as its -sl does).")
  boolean sentenceLevel;

  @Option(
      names = {"-e", "--effective-order"},
      description = "sacreBLEU effective order (average only over orders with n-grams).")
  boolean effectiveOrder;

  @Option(
      names = "--max-order",
      defaultValue = "4",
      paramLabel = "N",
      description = "Highest n-gram order for sacreBLEU (default: ${DEFAULT-VALUE}).")
  int maxOrder;

  @Option(
      names = {"-w", "--width"},
      paramLabel = "D",
      description = "Decimals of the score (default 1; 4 with --nltk).")
  Integer width;

  @Option(names = {"-sh", "--short"}, description = "Short signature (#:1|c:mixed|...).")
  boolean shortSignature;

  @Option(names = "--nltk", description = "NLTK corpus_bleu / sentence_bleu instead.")
  boolean nltk;

  @Option(
      names = "--nltk-smoothing",
      defaultValue = "0",
      paramLabel = "M",
      description = "NLTK SmoothingFunction method 0-7 (default: ${DEFAULT-VALUE}).")
  int nltkSmoothing;

  @Option(
      names = "--weights",
      split = ",",
      paramLabel = "W",
      description = "NLTK n-gram weights, comma-separated (default 0.25,0.25,0.25,0.25).")
  double[] weights;

  @Option(names = "--auto-reweigh", description = "NLTK auto_reweigh.")
  boolean autoReweigh;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try {
      checkModeOptions();
      checkAligned();
      if (nltk) {
        runNltk(out);
      } else {
        runSacreBleu(out);
      }
      out.flush();
      return 0;
    } catch (IllegalArgumentException | IOException e) {
      String message = e instanceof NoSuchFileException ? "no such file: " + e.getMessage()
          : e.getMessage();
      spec.commandLine().getErr().println("bleu: " + message);
      return 2;
    }
  }

  private void checkModeOptions() {
    if (width != null && (width < 0 || width > 17)) {
      throw new IllegalArgumentException("--width must be 0-17, got " + width);
    }
    ParseResult parsed = spec.commandLine().getParseResult();
    String[] sacreOnly = {"--smooth-method", "--smooth-value", "--effective-order", "--max-order",
        "--short"};
    String[] nltkOnly = {"--nltk-smoothing", "--weights", "--auto-reweigh"};
    for (String name : nltk ? sacreOnly : nltkOnly) {
      if (parsed.hasMatchedOption(name)) {
        throw new IllegalArgumentException(name + (nltk ? " is a sacreBLEU option; drop --nltk"
            : " needs --nltk"));
      }
    }
  }

  /** Reads every file once (UTF-8, line lengths) and checks they have as many lines. */
  private void checkAligned() throws IOException {
    long n = SegmentReader.countLines(hypotheses);
    if (n == 0) {
      throw new IllegalArgumentException(hypotheses + " is empty (expected one segment per line)");
    }
    for (Path ref : references) {
      long m = SegmentReader.countLines(ref);
      if (m != n) {
        throw new IllegalArgumentException(ref + " has " + m + " lines but " + hypotheses
            + " has " + n + " (the files must be line-aligned)");
      }
    }
  }

  private void runSacreBleu(PrintWriter out) throws IOException {
    SacreBleu.Builder b = SacreBleu.builder()
        .tokenizer(BleuTokenizer.forName(tokenize == null ? "13a" : tokenize))
        .lowercase(lowercase)
        .smoothing(SacreBleuSmoothing.forName(smoothMethod))
        .maxOrder(maxOrder)
        .effectiveOrder(effectiveOrder || sentenceLevel); // as sacreBLEU's -sl does
    if (smoothValue != null) {
      b.smoothValue(smoothValue);
    }
    SacreBleu bleu = b.build();
    int w = width == null ? 1 : width;
    SacreBleu.Accumulator acc = bleu.accumulator();
    String signature = bleu.signature(references.size(), shortSignature);
    forEachSegment((hyp, refs) -> {
      BleuScore s = acc.add(hyp, refs);
      if (sentenceLevel) {
        out.println(s.format(w, signature));
      }
    });
    if (!sentenceLevel) {
      out.println(acc.score().format(w, signature));
    }
  }

  private void runNltk(PrintWriter out) throws IOException {
    SacreBleu tokenizer = SacreBleu.builder()
        .tokenizer(BleuTokenizer.forName(tokenize == null ? "none" : tokenize))
        .lowercase(lowercase)
        .build();
    double[] w = weights == null ? new double[] {0.25, 0.25, 0.25, 0.25} : weights;
    NltkBleu bleu = new NltkBleu(new double[][] {w}, SmoothingFunction.method(nltkSmoothing),
        autoReweigh);
    String settings = nltkSettings(w, tokenize == null ? "none" : tokenize);
    int digits = width == null ? 4 : width;
    NltkBleu.Accumulator corpus = bleu.accumulator();
    forEachSegment((hyp, refs) -> {
      List<List<String>> refTokens = new ArrayList<>(refs.size());
      for (String r : refs) {
        refTokens.add(tokenizer.tokens(r));
      }
      List<String> hypTokens = tokenizer.tokens(hyp);
      if (sentenceLevel) {
        NltkBleu.Accumulator one = bleu.accumulator();
        one.add(refTokens, hypTokens);
        out.println(one.result().format(digits, settings));
      } else {
        corpus.add(refTokens, hypTokens);
      }
    });
    if (!sentenceLevel) {
      out.println(corpus.result().format(digits, settings));
    }
  }

  private String nltkSettings(double[] w, String tok) {
    StringBuilder sb = new StringBuilder(sentenceLevel ? "nltk:sentence_bleu" : "nltk:corpus_bleu")
        .append("|nrefs:").append(references.size())
        .append("|case:").append(lowercase ? "lc" : "mixed")
        .append("|tok:").append(tok).append("|weights:");
    for (int i = 0; i < w.length; i++) {
      sb.append(i == 0 ? "" : ",")
          .append(BigDecimal.valueOf(w[i]).stripTrailingZeros().toPlainString());
    }
    return sb.append("|smooth:method").append(nltkSmoothing)
        .append("|reweigh:").append(autoReweigh ? "yes" : "no").toString();
  }

  private interface SegmentConsumer {
    void accept(String hypothesis, List<String> references);
  }

  /** Streams the files in step (they were checked to be aligned); memory is one line each. */
  private void forEachSegment(SegmentConsumer consumer) throws IOException {
    List<SegmentReader> readers = new ArrayList<>();
    try {
      SegmentReader hyp = SegmentReader.open(hypotheses);
      readers.add(hyp);
      for (Path ref : references) {
        readers.add(SegmentReader.open(ref));
      }
      List<String> refs = new ArrayList<>(references.size());
      String line;
      while ((line = hyp.next()) != null) {
        refs.clear();
        for (int k = 1; k < readers.size(); k++) {
          String r = readers.get(k).next();
          if (r == null) {
            throw new IllegalArgumentException(references.get(k - 1) + " ended early");
          }
          refs.add(r);
        }
        consumer.accept(line, refs);
      }
    } finally {
      for (SegmentReader r : readers) {
        r.close();
      }
    }
  }
}
