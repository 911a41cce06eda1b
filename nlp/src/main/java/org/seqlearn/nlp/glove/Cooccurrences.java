package org.seqlearn.nlp.glove;

/**
 * A sparse co-occurrence matrix {@code X} in coordinate form, sorted by {@code (row, column)}:
 * entry {@code k} is {@code X[rows[k], columns[k]] = values[k]} (a weighted count, > 0).
 *
 * @param rows {@code [nnz]} word ids
 * @param columns {@code [nnz]} context word ids
 * @param values {@code [nnz]} weighted counts
 */
public record Cooccurrences(int[] rows, int[] columns, double[] values) {

  /** Validates that the three arrays have one length. */
  public Cooccurrences {
    if (rows.length != columns.length || rows.length != values.length) {
      throw new IllegalArgumentException("expected equal lengths, got rows " + rows.length
          + ", columns " + columns.length + ", values " + values.length);
    }
  }

  /** The number of non-zero entries. */
  public int size() {
    return rows.length;
  }

  /** {@code X[i, j]}, or 0 (binary search). */
  public double get(int i, int j) {
    long key = CooccurrenceTable.key(i, j);
    int lo = 0;
    int hi = rows.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      long k = CooccurrenceTable.key(rows[mid], columns[mid]);
      if (k < key) {
        lo = mid + 1;
      } else if (k > key) {
        hi = mid - 1;
      } else {
        return values[mid];
      }
    }
    return 0;
  }
}
