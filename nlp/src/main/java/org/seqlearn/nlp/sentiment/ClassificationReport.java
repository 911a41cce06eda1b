package org.seqlearn.nlp.sentiment;

import java.util.Locale;

/**
 * Accuracy, confusion matrix and per-class precision/recall of a set of predictions.
 *
 * <p>The confusion matrix is {@code [C][C]}, indexed {@code [true][predicted]}. Precision of a
 * class with no predictions, or recall of a class with no true examples, is reported as NaN.
 */
public final class ClassificationReport {

  private final long[][] confusion;
  private final long total;

  private ClassificationReport(long[][] confusion) {
    this.confusion = confusion;
    long t = 0;
    for (long[] row : confusion) {
      for (long v : row) {
        t += v;
      }
    }
    this.total = t;
  }

  /**
   * Builds the report.
   *
   * @param truth true labels {@code [N]} in {@code [0, numClasses)}
   * @param predicted predicted labels {@code [N]} in {@code [0, numClasses)}
   */
  public static ClassificationReport of(int[] truth, int[] predicted, int numClasses) {
    if (truth.length != predicted.length) {
      throw new IllegalArgumentException("truth has " + truth.length + " labels, predictions "
          + predicted.length);
    }
    long[][] m = new long[numClasses][numClasses];
    for (int i = 0; i < truth.length; i++) {
      if (truth[i] < 0 || truth[i] >= numClasses || predicted[i] < 0
          || predicted[i] >= numClasses) {
        throw new IllegalArgumentException("label out of range [0, " + numClasses + ") at " + i
            + ": true " + truth[i] + ", predicted " + predicted[i]);
      }
      m[truth[i]][predicted[i]]++;
    }
    return new ClassificationReport(m);
  }

  /** A report from a confusion matrix {@code [true][predicted]} (copied). */
  public static ClassificationReport ofConfusion(long[][] confusion) {
    long[][] m = new long[confusion.length][];
    for (int i = 0; i < m.length; i++) {
      if (confusion[i].length != confusion.length) {
        throw new IllegalArgumentException("confusion matrix must be square");
      }
      m[i] = confusion[i].clone();
    }
    return new ClassificationReport(m);
  }

  /** The sum of two reports over the same classes (e.g. pooled over folds). */
  public ClassificationReport plus(ClassificationReport other) {
    if (other.numClasses() != numClasses()) {
      throw new IllegalArgumentException("class counts differ");
    }
    long[][] m = confusion();
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < m.length; j++) {
        m[i][j] += other.confusion[i][j];
      }
    }
    return new ClassificationReport(m);
  }

  /** Number of classes {@code C}. */
  public int numClasses() {
    return confusion.length;
  }

  /** Number of predictions. */
  public long total() {
    return total;
  }

  /** A copy of the confusion matrix {@code [C][C]}, {@code [true][predicted]}. */
  public long[][] confusion() {
    long[][] m = new long[confusion.length][];
    for (int i = 0; i < m.length; i++) {
      m[i] = confusion[i].clone();
    }
    return m;
  }

  /** Fraction correct (NaN when empty). */
  public double accuracy() {
    long correct = 0;
    for (int i = 0; i < confusion.length; i++) {
      correct += confusion[i][i];
    }
    return total == 0 ? Double.NaN : (double) correct / total;
  }

  /** Precision of class {@code c}: correct / predicted as c. */
  public double precision(int c) {
    long predicted = 0;
    for (long[] row : confusion) {
      predicted += row[c];
    }
    return predicted == 0 ? Double.NaN : (double) confusion[c][c] / predicted;
  }

  /** Recall of class {@code c}: correct / truly c. */
  public double recall(int c) {
    long actual = 0;
    for (long v : confusion[c]) {
      actual += v;
    }
    return actual == 0 ? Double.NaN : (double) confusion[c][c] / actual;
  }

  /** A printable table: the confusion matrix, then per-class precision and recall. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "accuracy %.4f over %d%n", accuracy(), total));
    sb.append("true\\pred");
    for (int j = 0; j < confusion.length; j++) {
      sb.append(String.format(Locale.ROOT, "%10d", j));
    }
    sb.append(String.format(Locale.ROOT, "%12s%10s%n", "precision", "recall"));
    for (int i = 0; i < confusion.length; i++) {
      sb.append(String.format(Locale.ROOT, "%9d", i));
      for (int j = 0; j < confusion.length; j++) {
        sb.append(String.format(Locale.ROOT, "%10d", confusion[i][j]));
      }
      sb.append(String.format(Locale.ROOT, "%12.4f%10.4f%n", precision(i), recall(i)));
    }
    return sb.toString();
  }
}
