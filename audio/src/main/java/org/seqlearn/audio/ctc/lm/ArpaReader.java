package org.seqlearn.audio.ctc.lm;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an ARPA back-off language model, treating the bytes as untrusted: lines are bounded
 * ({@link #MAX_LINE_BYTES}), the header's counts are checked against limits before anything is
 * read and against the sections afterwards, every number must be finite (log10 probabilities at
 * most 0), each n-gram must have its order's token count, appear once, and (from order 2) have its
 * context stored one order below, as the back-off walk needs. Any violation is an {@link
 * ArpaFormatException} naming the line. Text before {@code \data\} is ignored, as SRILM does.
 */
public final class ArpaReader {
  /** Longest line accepted, in bytes. */
  public static final int MAX_LINE_BYTES = 1 << 16;
  /** Highest order accepted. */
  public static final int MAX_ORDER = 10;

  private static final Pattern COUNT = Pattern.compile("ngram\\s+(\\d{1,9})\\s*=\\s*(\\d{1,10})");

  private final long maxNgrams;
  private InputStream in;
  private long lineNumber;

  private ArpaReader(long maxNgrams) {
    this.maxNgrams = maxNgrams;
  }

  /** Reads a file, accepting up to 50 million n-grams in all. */
  public static NgramModel read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, 50_000_000L);
    }
  }

  /** Reads a stream (not closed), accepting up to {@code maxNgrams} n-grams in all. */
  public static NgramModel read(InputStream in, long maxNgrams) throws IOException {
    ArpaReader r = new ArpaReader(maxNgrams);
    r.in = new BufferedInputStream(in);
    return r.parse();
  }

  private NgramModel parse() throws IOException {
    String line = nextLine();
    while (line != null && !line.strip().equals("\\data\\")) {
      line = nextLine();
    }
    if (line == null) {
      throw new ArpaFormatException(lineNumber, "a \\data\\ line", "end of file");
    }
    List<Long> counts = new ArrayList<>();
    long total = 0;
    while (true) {
      line = nextNonBlank("an 'ngram k=count' line or the \\1-grams: section");
      Matcher m = COUNT.matcher(line.strip());
      if (!m.matches()) {
        break;
      }
      int k = Integer.parseInt(m.group(1));
      long count = Long.parseLong(m.group(2));
      if (k != counts.size() + 1) {
        throw new ArpaFormatException(lineNumber, "ngram " + (counts.size() + 1) + "=…",
            "order " + k);
      }
      if (k > MAX_ORDER) {
        throw new ArpaFormatException(lineNumber, "an order at most " + MAX_ORDER, "order " + k);
      }
      total += count;
      if (total > maxNgrams) {
        throw new ArpaFormatException(lineNumber, "at most " + maxNgrams + " n-grams in all",
            total + " so far");
      }
      counts.add(count);
    }
    if (counts.isEmpty() || counts.get(0) == 0) {
      throw new ArpaFormatException(lineNumber, "a positive 'ngram 1=' count", line);
    }
    int order = counts.size();
    List<Map<String, double[]>> orders = new ArrayList<>();
    for (int k = 1; k <= order; k++) {
      if (k > 1) {
        line = nextNonBlank("the \\" + k + "-grams: section");
      }
      if (!line.strip().equals("\\" + k + "-grams:")) {
        throw new ArpaFormatException(lineNumber, "\\" + k + "-grams:", quote(line));
      }
      Map<String, double[]> entries = new HashMap<>();
      for (long i = 0; i < counts.get(k - 1); i++) {
        String expected = counts.get(k - 1) + " " + k + "-grams (the header's count)";
        line = nextNonBlank(expected + ", " + i + " read");
        if (line.startsWith("\\")) {
          throw new ArpaFormatException(lineNumber, expected, "only " + i + " before "
              + quote(line));
        }
        parseEntry(line, k, order, entries, k > 1 ? orders.get(k - 2) : null);
      }
      orders.add(entries);
    }
    line = nextNonBlank("\\end\\");
    if (!line.strip().equals("\\end\\")) {
      throw new ArpaFormatException(lineNumber, "\\end\\ after " + counts.get(order - 1) + " "
          + order + "-grams (the header's count)", quote(line));
    }
    return new NgramModel(orders);
  }

  private void parseEntry(String line, int k, int order, Map<String, double[]> entries,
      Map<String, double[]> lower) {
    String[] f = line.strip().split("\\s+");
    boolean hasBackoff = f.length == k + 2;
    if (f.length != k + 1 && !(hasBackoff && k < order)) {
      throw new ArpaFormatException(lineNumber, "a log10 probability, " + k + " token(s)"
          + (k < order ? " and an optional back-off weight" : ""), f.length + " fields");
    }
    double p = number(f[0], "log10 probability");
    if (p > 0) {
      throw new ArpaFormatException(lineNumber, "a log10 probability at most 0", f[0]);
    }
    double backoff = hasBackoff ? number(f[k + 1], "log10 back-off weight") : 0;
    String key = String.join(" ", java.util.Arrays.asList(f).subList(1, k + 1));
    if (lower != null && !lower.containsKey(NgramEstimator.history(key))) {
      throw new ArpaFormatException(lineNumber, "the context '" + NgramEstimator.history(key)
          + "' stored as a " + (k - 1) + "-gram", "'" + key + "' without it");
    }
    if (entries.put(key, new double[] {p, backoff}) != null) {
      throw new ArpaFormatException(lineNumber, "each " + k + "-gram once", "'" + key
          + "' again");
    }
  }

  private double number(String s, String what) {
    try {
      double v = Double.parseDouble(s);
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ArpaFormatException(lineNumber, "a finite " + what, quote(s));
  }

  private String nextNonBlank(String expected) throws IOException {
    String line = nextLine();
    while (line != null && line.isBlank()) {
      line = nextLine();
    }
    if (line == null) {
      throw new ArpaFormatException(lineNumber, expected, "end of file");
    }
    return line;
  }

  /** The next line without its terminator, or null at the end; at most MAX_LINE_BYTES. */
  private String nextLine() throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream(64);
    int b = in.read();
    if (b < 0) {
      return null;
    }
    lineNumber++;
    while (b >= 0 && b != '\n') {
      if (buf.size() >= MAX_LINE_BYTES) {
        throw new ArpaFormatException(lineNumber, "a line of at most " + MAX_LINE_BYTES
            + " bytes", "a longer one");
      }
      buf.write(b);
      b = in.read();
    }
    String s = buf.toString(StandardCharsets.UTF_8);
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }

  private static String quote(String s) {
    return "'" + (s.length() > 60 ? s.substring(0, 60) + "…" : s) + "'";
  }
}
