package org.seqlearn.nlp.sentiment;

import java.util.List;

/**
 * Outcome of k-fold cross-validation.
 *
 * @param folds the report of each fold's test set, in fold order
 */
public record CrossValidationResult(List<ClassificationReport> folds) {

  /** Copies the list. */
  public CrossValidationResult {
    folds = List.copyOf(folds);
  }

  /** Test accuracy per fold {@code [k]}. */
  public double[] foldAccuracies() {
    double[] a = new double[folds.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = folds.get(i).accuracy();
    }
    return a;
  }

  /** Mean of the fold accuracies. */
  public double meanAccuracy() {
    double s = 0;
    for (double a : foldAccuracies()) {
      s += a;
    }
    return s / folds.size();
  }

  /** Sample standard deviation of the fold accuracies (0 for one fold). */
  public double stdAccuracy() {
    double[] a = foldAccuracies();
    if (a.length < 2) {
      return 0;
    }
    double m = meanAccuracy();
    double s = 0;
    for (double v : a) {
      s += (v - m) * (v - m);
    }
    return Math.sqrt(s / (a.length - 1));
  }

  /** All folds' predictions pooled into one report. */
  public ClassificationReport pooled() {
    ClassificationReport r = folds.get(0);
    for (int i = 1; i < folds.size(); i++) {
      r = r.plus(folds.get(i));
    }
    return r;
  }
}
