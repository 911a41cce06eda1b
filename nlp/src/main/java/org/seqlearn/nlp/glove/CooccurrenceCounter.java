package org.seqlearn.nlp.glove;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import org.seqlearn.nlp.text.CorpusScanner;
import org.seqlearn.nlp.text.CorpusTokenization;
import org.seqlearn.nlp.word2vec.CorpusVocabulary;

/**
 * Counts GloVe's co-occurrence matrix in one streamed pass, in bounded memory: within a line,
 * every pair of vocabulary words at distance {@code d <= window} adds {@code 1/d} to {@code
 * X[i, j]} and to {@code X[j, i]} (a symmetric window, as GloVe's {@code cooccur}). Words outside
 * the vocabulary are skipped and do not count towards distances. When the in-memory table
 * reaches its budget it is sorted and spilled to a temporary file (a "run"); at the end the runs
 * are merged, summing equal pairs, so the result equals an all-in-memory count.
 */
public final class CooccurrenceCounter {

  private final CorpusVocabulary vocab;
  private final CorpusTokenization tokenization;
  private final int window;
  private final int maxEntries;
  private final Path tempDir;
  private int spills;

  /**
   * @param window the maximum distance, {@code >= 1}
   * @param memoryBytes the in-memory table's budget (16 bytes per slot, at most half full); at
   *     least 1 KiB
   * @param tempDir where runs are spilled (deleted after the merge)
   */
  public CooccurrenceCounter(CorpusVocabulary vocab, CorpusTokenization tokenization, int window,
      long memoryBytes, Path tempDir) {
    if (window < 1) {
      throw new IllegalArgumentException("window must be >= 1, got " + window);
    }
    if (memoryBytes < 1024) {
      throw new IllegalArgumentException("memory budget must be >= 1024 bytes, got "
          + memoryBytes);
    }
    this.vocab = vocab;
    this.tokenization = tokenization;
    this.window = window;
    this.maxEntries = (int) Math.min(1 << 28,
        memoryBytes / (2L * CooccurrenceTable.BYTES_PER_SLOT));
    this.tempDir = tempDir;
  }

  /** How many runs the last {@link #count(Path)} spilled to disk (0 if it fit in memory). */
  public int spills() {
    return spills;
  }

  /** Counts {@code corpus}; the result is sorted by {@code (row, column)}. */
  public Cooccurrences count(Path corpus) throws IOException {
    spills = 0;
    CooccurrenceTable table = new CooccurrenceTable(maxEntries);
    List<Path> runs = new ArrayList<>();
    try {
      try {
        new CorpusScanner(tokenization).scan(corpus, new WindowSink(table, runs));
      } catch (java.io.UncheckedIOException e) {
        throw e.getCause();
      }
      if (runs.isEmpty()) {
        CooccurrenceTable.SortedRun run = table.drainSorted();
        return toMatrix(run.keys(), run.values(), run.keys().length);
      }
      spill(table, runs);
      return merge(runs);
    } finally {
      for (Path run : runs) {
        Files.deleteIfExists(run);
      }
    }
  }

  /** Adds {@code 1/d} for each earlier word of the line within the window, both directions. */
  private final class WindowSink implements CorpusScanner.Sink {
    private final CooccurrenceTable table;
    private final List<Path> runs;
    private final int[] history = new int[window];
    private long position;

    WindowSink(CooccurrenceTable table, List<Path> runs) {
      this.table = table;
      this.runs = runs;
    }

    @Override
    public void token(char[] buf, int offset, int length) {
      int w = vocab.id(buf, offset, length);
      if (w < 0) {
        return;
      }
      int back = (int) Math.min(position, window);
      for (int d = 1; d <= back; d++) {
        int c = history[(int) ((position - d) % window)];
        if (table.size() + 2 > maxEntries) {
          spill(table, runs);
        }
        table.add(w, c, 1.0 / d);
        table.add(c, w, 1.0 / d);
      }
      history[(int) (position % window)] = w;
      position++;
    }

    @Override
    public void endOfLine() {
      position = 0;
    }
  }

  private void spill(CooccurrenceTable table, List<Path> runs) {
    CooccurrenceTable.SortedRun run = table.drainSorted();
    try {
      Path file = Files.createTempFile(tempDir, "cooccur-", ".run");
      runs.add(file);
      try (DataOutputStream out = new DataOutputStream(
          new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
        for (int k = 0; k < run.keys().length; k++) {
          out.writeLong(run.keys()[k]);
          out.writeDouble(run.values()[k]);
        }
      }
      spills++;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** K-way merge of sorted runs, summing equal keys. */
  private static Cooccurrences merge(List<Path> runs) throws IOException {
    PriorityQueue<RunReader> heap = new PriorityQueue<>((a, b) -> Long.compare(a.key, b.key));
    List<RunReader> readers = new ArrayList<>();
    try {
      for (Path run : runs) {
        RunReader r = new RunReader(run);
        readers.add(r);
        if (r.next()) {
          heap.add(r);
        }
      }
      long[] keys = new long[1024];
      double[] values = new double[1024];
      int n = 0;
      while (!heap.isEmpty()) {
        RunReader r = heap.poll();
        if (n > 0 && keys[n - 1] == r.key) {
          values[n - 1] += r.value;
        } else {
          if (n == keys.length) {
            keys = Arrays.copyOf(keys, n * 2);
            values = Arrays.copyOf(values, n * 2);
          }
          keys[n] = r.key;
          values[n++] = r.value;
        }
        if (r.next()) {
          heap.add(r);
        }
      }
      return toMatrix(keys, values, n);
    } finally {
      for (RunReader r : readers) {
        r.in.close();
      }
    }
  }

  private static Cooccurrences toMatrix(long[] keys, double[] values, int n) {
    int[] rows = new int[n];
    int[] cols = new int[n];
    for (int k = 0; k < n; k++) {
      rows[k] = (int) (keys[k] >>> 32);
      cols[k] = (int) keys[k];
    }
    return new Cooccurrences(rows, cols, Arrays.copyOf(values, n));
  }

  private static final class RunReader {
    final DataInputStream in;
    long key;
    double value;

    RunReader(Path file) throws IOException {
      in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    }

    boolean next() throws IOException {
      try {
        key = in.readLong();
        value = in.readDouble();
        return true;
      } catch (EOFException e) {
        return false;
      }
    }
  }
}
