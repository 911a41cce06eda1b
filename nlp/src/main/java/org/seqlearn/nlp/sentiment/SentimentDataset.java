package org.seqlearn.nlp.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.seqlearn.core.io.LineInput;
import org.seqlearn.core.io.TextFormatException;

/**
 * An immutable list of labelled sentences.
 *
 * <p>The TSV format has a header line {@code label<TAB>sentence} and then one example per line:
 * a non-negative integer label, a tab, and the sentence (which may contain no tab). Blank lines
 * are skipped; anything else malformed fails with the line number.
 */
public final class SentimentDataset {

  private final List<SentimentExample> examples;

  private SentimentDataset(List<SentimentExample> examples) {
    this.examples = List.copyOf(examples);
  }

  /** A dataset holding the given examples in order. */
  public static SentimentDataset of(List<SentimentExample> examples) {
    return new SentimentDataset(examples);
  }

  /**
   * Reads a UTF-8 TSV file (see the class comment).
   *
   * @throws IOException on read errors
   * @throws IllegalArgumentException naming the file and line for malformed content, including
   *     a line longer than {@link LineInput#DEFAULT_MAX_LINE_BYTES} and bytes that are not UTF-8
   */
  public static SentimentDataset read(Path file) throws IOException {
    try (LineInput in = LineInput.open(file)) {
      return parse(() -> in.readText(LineInput.DEFAULT_MAX_LINE_BYTES), file.toString());
    } catch (TextFormatException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** Parses TSV text (see the class comment); {@code source} names it in error messages. */
  public static SentimentDataset parse(String tsv, String source) {
    try {
      return read(new StringReader(tsv), source);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads TSV content from a reader; lines are bounded as in {@link #read(Path)} (at most {@link
   * LineInput#DEFAULT_MAX_LINE_BYTES} characters), so an endless line is an error, not an
   * out-of-memory.
   *
   * @throws IllegalArgumentException "source:line: reason" for a missing/wrong header, a line
   *     without a tab, a non-integer or negative label, a line that is too long
   */
  public static SentimentDataset read(Reader reader, String source) throws IOException {
    BufferedReader r = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
    int[] lineNo = {0};
    StringBuilder line = new StringBuilder();
    return parse(() -> {
      line.setLength(0);
      lineNo[0]++;
      for (int c = r.read(); ; c = r.read()) {
        if (c < 0) {
          return line.length() == 0 ? null : stripCarriageReturn(line);
        }
        if (c == '\n') {
          return stripCarriageReturn(line);
        }
        if (line.length() == LineInput.DEFAULT_MAX_LINE_BYTES) {
          throw new IllegalArgumentException(source + ":" + lineNo[0] + ": expected a line of at "
              + "most " + LineInput.DEFAULT_MAX_LINE_BYTES + " characters, found a longer one");
        }
        line.append((char) c);
      }
    }, source);
  }

  private static String stripCarriageReturn(StringBuilder line) {
    int n = line.length();
    return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString();
  }

  /** Where {@link #parse(Lines, String)} takes its lines from. */
  private interface Lines {
    /** The next line without its line end, or null at the end. */
    String next() throws IOException;
  }

  private static SentimentDataset parse(Lines r, String source) throws IOException {
    String header = r.next();
    if (header == null) {
      throw new IllegalArgumentException(source + ":1: empty file, expected header"
          + " 'label<TAB>sentence'");
    }
    if (header.startsWith("\uFEFF")) {
      header = header.substring(1);
    }
    if (!header.strip().equals("label\tsentence")) {
      throw new IllegalArgumentException(source + ":1: expected header 'label<TAB>sentence', got '"
          + abbreviate(header) + "'");
    }
    List<SentimentExample> out = new ArrayList<>();
    int lineNo = 1;
    String line;
    while ((line = r.next()) != null) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      int tab = line.indexOf('\t');
      if (tab < 0) {
        throw new IllegalArgumentException(source + ":" + lineNo
            + ": expected 'label<TAB>sentence', found no tab in '" + abbreviate(line) + "'");
      }
      if (line.indexOf('\t', tab + 1) >= 0) {
        throw new IllegalArgumentException(source + ":" + lineNo
            + ": expected exactly one tab, found more in '" + abbreviate(line) + "'");
      }
      String labelText = line.substring(0, tab).strip();
      int label;
      try {
        label = Integer.parseInt(labelText);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(source + ":" + lineNo + ": label '"
            + abbreviate(labelText) + "' is not an integer in [0, " + Integer.MAX_VALUE + "]");
      }
      if (label < 0) {
        throw new IllegalArgumentException(source + ":" + lineNo + ": label " + label
            + " is negative");
      }
      out.add(new SentimentExample(label, line.substring(tab + 1)));
    }
    return new SentimentDataset(out);
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }

  /** Number of examples. */
  public int size() {
    return examples.size();
  }

  /** Example {@code i}. */
  public SentimentExample get(int i) {
    return examples.get(i);
  }

  /** All examples (unmodifiable). */
  public List<SentimentExample> examples() {
    return examples;
  }

  /** Labels {@code [size]}. */
  public int[] labels() {
    int[] y = new int[examples.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = examples.get(i).label();
    }
    return y;
  }

  /** Texts in order. */
  public List<String> texts() {
    List<String> t = new ArrayList<>(examples.size());
    for (SentimentExample e : examples) {
      t.add(e.text());
    }
    return t;
  }

  /** {@code 1 + max label} (0 when empty). */
  public int numClasses() {
    int max = -1;
    for (SentimentExample e : examples) {
      max = Math.max(max, e.label());
    }
    return max + 1;
  }

  /** A copy in a seeded random order (same seed, same order). */
  public SentimentDataset shuffled(long seed) {
    List<SentimentExample> copy = new ArrayList<>(examples);
    Collections.shuffle(copy, new Random(seed));
    return new SentimentDataset(copy);
  }

  /** The examples at the given indices, in that order. */
  public SentimentDataset subset(int[] indices) {
    List<SentimentExample> out = new ArrayList<>(indices.length);
    for (int i : indices) {
      out.add(examples.get(i));
    }
    return new SentimentDataset(out);
  }

  /**
   * Seeded k-fold splits: the indices are shuffled and dealt into {@code k} test folds whose sizes
   * differ by at most one; every index is in exactly one test fold, and each fold's training set
   * is the complement.
   *
   * @param k number of folds, {@code 2 <= k <= size()}
   */
  public List<Fold> folds(int k, long seed) {
    int n = examples.size();
    if (k < 2 || k > n) {
      throw new IllegalArgumentException("k must be in [2, " + n + "], got " + k);
    }
    List<Integer> order = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(seed));
    int[] foldOf = new int[n];
    for (int pos = 0; pos < n; pos++) {
      foldOf[order.get(pos)] = pos % k;
    }
    List<Fold> folds = new ArrayList<>(k);
    for (int f = 0; f < k; f++) {
      int[] test = new int[n];
      int[] train = new int[n];
      int nt = 0;
      int nr = 0;
      for (int i = 0; i < n; i++) {
        if (foldOf[i] == f) {
          test[nt++] = i;
        } else {
          train[nr++] = i;
        }
      }
      folds.add(new Fold(Arrays.copyOf(train, nr), Arrays.copyOf(test, nt)));
    }
    return folds;
  }
}
