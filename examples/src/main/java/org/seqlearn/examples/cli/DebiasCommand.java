package org.seqlearn.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.seqlearn.nlp.debias.BiasDirection;
import org.seqlearn.nlp.debias.Debias;
import org.seqlearn.nlp.vectors.WordVectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code seqlearn debias}: neutralise and equalise a vectors file (Bolukbasi et al. 2016). */
@Command(
    name = "debias",
    mixinStandardHelpOptions = true,
    description = {
        "Remove a bias direction g from word vectors: g comes from definitional pairs (e.g. "
            + "woman man, she he); the listed neutral words lose their component along g and "
            + "the listed pairs are equalised. Vectors are unit-normalised first (as in the "
            + "course formulas) unless --no-normalize.",
        "",
        "Word-list files: one word (or one pair 'w1 w2') per line; blank lines and lines "
            + "starting with # are ignored. Unknown words are reported and skipped.",
        "",
        "Example: seqlearn debias vectors.bin --output debiased.bin --pairs gender_pairs.txt "
            + "--neutralize professions.txt --equalize equalize_pairs.txt"})
public final class DebiasCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "VECTORS", description = "Input word-vector file.")
  private Path vectors;

  @Option(names = "--output", required = true, paramLabel = "FILE",
      description = "Where to write the debiased vectors (atomically).")
  private Path output;

  @Option(names = "--pairs", required = true, paramLabel = "FILE",
      description = "Definitional pairs 'first second' defining g (first minus second).")
  private Path pairs;

  @Option(names = "--direction", defaultValue = "average",
      description = "average (mean difference) or pca (first principal component) "
          + "(default: ${DEFAULT-VALUE}).")
  private String direction;

  @Option(names = "--neutralize", paramLabel = "FILE", description = "Words to neutralise.")
  private Path neutralize;

  @Option(names = "--equalize", paramLabel = "FILE", description = "Pairs to equalise.")
  private Path equalize;

  @Option(names = "--no-normalize", description = "Use the vectors as they are.")
  private boolean noNormalize;

  @Option(names = "--format", defaultValue = "auto",
      description = "Input format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  private VectorFileFormat format;

  @Option(names = "--output-format", defaultValue = "auto",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  private VectorFileFormat outputFormat;

  @Spec private CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    InputFiles.requireReadable(vectors, "VECTORS");
    InputFiles.requireReadable(pairs, "--pairs");
    if (neutralize != null) {
      InputFiles.requireReadable(neutralize, "--neutralize");
    }
    if (equalize != null) {
      InputFiles.requireReadable(equalize, "--equalize");
    }
    InputFiles.requireWritable(output, "--output");
    if (!List.of("average", "pca").contains(direction.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("--direction must be average or pca, got '"
          + direction + "'");
    }
    WordVectors v = InputFiles.using(vectors, "VECTORS",
        () -> WordVectors.load(vectors, format.resolve(vectors)));
    if (!noNormalize) {
      v = v.normalized();
    }
    List<String[]> definitional = knownPairs(v, readLines(pairs, 2, "--pairs"), out);
    float[] g;
    switch (direction.toLowerCase(Locale.ROOT)) {
      case "average":
        g = BiasDirection.averageDifference(v, definitional);
        break;
      case "pca":
        g = BiasDirection.principalComponent(v, definitional);
        break;
      default:
        throw new IllegalArgumentException("--direction must be average or pca, got '"
            + direction + "'");
    }
    out.printf(Locale.ROOT, "Bias direction from %d pairs (%s), |g| = %.4f%n",
        definitional.size(), direction, norm(g));
    if (neutralize != null) {
      List<String> words = new ArrayList<>();
      for (String[] w : readLines(neutralize, 1, "--neutralize")) {
        if (known(v, w[0], out)) {
          words.add(w[0]);
        }
      }
      double before = meanAbsProjection(v, words, g);
      v = Debias.neutralize(v, g, words);
      out.printf(Locale.ROOT, "Neutralised %d words: mean |e.g/|g|| %.4f -> %.4f%n",
          words.size(), before, meanAbsProjection(v, words, g));
    }
    if (equalize != null) {
      List<String[]> eq = knownPairs(v, readLines(equalize, 2, "--equalize"), out);
      v = Debias.equalize(v, g, eq);
      for (String[] p : eq) {
        out.printf(Locale.ROOT, "Equalised %s / %s: projections %.4f / %.4f%n", p[0], p[1],
            Debias.projection(v.vector(p[0]), g), Debias.projection(v.vector(p[1]), g));
      }
    }
    WordVectors result = v;
    InputFiles.using(output, "--output", () -> {
      result.save(output, outputFormat.resolve(output));
      return null;
    });
    out.printf("Wrote %s%n", output);
    return 0;
  }

  private static List<String[]> readLines(Path file, int fields, String option)
      throws IOException {
    List<String[]> result = new ArrayList<>();
    int lineNo = 0;
    List<String> lines = InputFiles.using(file, option,
        () -> Files.readAllLines(file, StandardCharsets.UTF_8));
    for (String line : lines) {
      lineNo++;
      String s = line.strip();
      if (s.isEmpty() || s.startsWith("#")) {
        continue;
      }
      String[] parts = s.split("\\s+");
      if (parts.length != fields) {
        throw new IllegalArgumentException(option + " " + file + " line " + lineNo + ": expected "
            + fields + (fields == 1 ? " word" : " words") + ", got " + parts.length + ": '" + s
            + "'");
      }
      result.add(parts);
    }
    return result;
  }

  private static List<String[]> knownPairs(WordVectors v, List<String[]> pairs, PrintWriter out) {
    List<String[]> known = new ArrayList<>();
    for (String[] p : pairs) {
      if (known(v, p[0], out) & known(v, p[1], out)) {
        known.add(p);
      }
    }
    if (known.isEmpty()) {
      throw new IllegalArgumentException("expected at least one pair of known words, got none of "
          + pairs.size());
    }
    return known;
  }

  private static boolean known(WordVectors v, String word, PrintWriter out) {
    if (v.contains(word)) {
      return true;
    }
    out.printf("Skipping unknown word '%s'%n", word);
    return false;
  }

  private static double meanAbsProjection(WordVectors v, List<String> words, float[] g) {
    double sum = 0;
    for (String w : words) {
      sum += Math.abs(Debias.projection(v.vector(w), g));
    }
    return words.isEmpty() ? 0 : sum / words.size();
  }

  private static double norm(float[] g) {
    double s = 0;
    for (float x : g) {
      s += (double) x * x;
    }
    return Math.sqrt(s);
  }
}
