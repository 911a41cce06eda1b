package org.seqlearn.attention.dates;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Seeded train, validation and test dates of {@link HumanDateFormats#FIRST_YEAR}…{@link
 * HumanDateFormats#LAST_YEAR} that share no date: every calendar date is shuffled once and cut
 * into a test part, a validation part and the training rest. Test and validation examples are
 * fixed (one format per date, seeded); training examples are drawn afresh, a random training date
 * in a random format each time.
 */
public final class DateSplits {

  private final List<LocalDate> train;
  private final List<DateExample> validation;
  private final List<DateExample> test;

  /**
   * @param testSize dates held out for the test
   * @param validationSize dates held out for validation
   */
  public DateSplits(long seed, int testSize, int validationSize) {
    List<LocalDate> all = new ArrayList<>();
    for (LocalDate d = LocalDate.of(HumanDateFormats.FIRST_YEAR, 1, 1);
        d.getYear() <= HumanDateFormats.LAST_YEAR; d = d.plusDays(1)) {
      all.add(d);
    }
    if (testSize < 0 || validationSize < 0 || testSize + validationSize >= all.size()) {
      throw new IllegalArgumentException("test and validation sizes must be >= 0 and leave "
          + "training dates out of " + all.size() + ", got " + testSize + " and "
          + validationSize);
    }
    Random rng = new Random(seed);
    Collections.shuffle(all, rng);
    test = examples(all.subList(0, testSize), rng);
    validation = examples(all.subList(testSize, testSize + validationSize), rng);
    train = List.copyOf(all.subList(testSize + validationSize, all.size()));
  }

  private static List<DateExample> examples(List<LocalDate> dates, Random rng) {
    List<DateExample> out = new ArrayList<>();
    for (LocalDate d : dates) {
      out.add(example(d, rng));
    }
    return List.copyOf(out);
  }

  /** The date in a random format. */
  public static DateExample example(LocalDate date, Random rng) {
    return new DateExample(HumanDateFormats.format(date, rng.nextInt(HumanDateFormats.count())),
        date.toString());
  }

  /** A fresh training example: a random training date in a random format. */
  public DateExample drawTraining(Random rng) {
    return example(train.get(rng.nextInt(train.size())), rng);
  }

  /** The training dates. */
  public List<LocalDate> trainingDates() {
    return train;
  }

  /** The validation examples. */
  public List<DateExample> validation() {
    return validation;
  }

  /** The test examples. */
  public List<DateExample> test() {
    return test;
  }
}
