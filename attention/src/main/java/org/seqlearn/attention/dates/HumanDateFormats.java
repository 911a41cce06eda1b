package org.seqlearn.attention.dates;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The human-readable ways of writing a date that the date translator learns to read, in English,
 * French, German, Spanish and Italian via {@code java.time} (lower-cased, as in the course):
 * "3 may 1979", "tuesday may 3 1979", "03/05/79", "3 mai 1979", "3. mai 1979", "3 de mayo de
 * 1979", …
 *
 * <p>Years are calendar years ({@code uuuu}, {@code uu}); never week-based ({@code YYYY}), which
 * would mislabel late-December dates. Numeric formats are day-first whatever the separator, so no
 * string is ambiguous; two-digit years are read in {@link #FIRST_YEAR}…{@link #LAST_YEAR}.
 */
public final class HumanDateFormats {

  /** First year of the dates the translator covers (two-digit years are unambiguous within). */
  public static final int FIRST_YEAR = 1950;

  /** Last year covered. */
  public static final int LAST_YEAR = 2049;

  private static final Locale SPANISH = Locale.forLanguageTag("es");

  private static final List<DateTimeFormatter> FORMATS = List.of(
      f("d MMM uuuu", Locale.ENGLISH),
      f("d MMMM uuuu", Locale.ENGLISH),
      f("dd MMM uuuu", Locale.ENGLISH),
      f("d MMM, uuuu", Locale.ENGLISH),
      f("d MMMM, uuuu", Locale.ENGLISH),
      f("dd, MMM uuuu", Locale.ENGLISH),
      f("EEEE MMMM d uuuu", Locale.ENGLISH),
      f("EEEE, MMMM d, uuuu", Locale.ENGLISH),
      f("EEEE d MMMM uuuu", Locale.ENGLISH),
      f("EEE d MMM uuuu", Locale.ENGLISH),
      f("MMMM d uuuu", Locale.ENGLISH),
      f("MMMM d, uuuu", Locale.ENGLISH),
      f("MMM d, uuuu", Locale.ENGLISH),
      f("dd/MM/uu", Locale.ENGLISH),
      f("d/M/uuuu", Locale.ENGLISH),
      f("dd.MM.uu", Locale.ENGLISH),
      f("dd-MM-uuuu", Locale.ENGLISH),
      f("d MM uu", Locale.ENGLISH),
      f("uuuu/MM/dd", Locale.ENGLISH),
      f("d MMMM uuuu", Locale.FRENCH),
      f("EEEE d MMMM uuuu", Locale.FRENCH),
      f("d MMM uuuu", Locale.FRENCH),
      f("d. MMMM uuuu", Locale.GERMAN),
      f("EEEE, d. MMMM uuuu", Locale.GERMAN),
      f("dd.MM.uuuu", Locale.GERMAN),
      f("d 'de' MMMM 'de' uuuu", SPANISH),
      f("d MMMM uuuu", Locale.ITALIAN),
      f("EEEE d MMMM uuuu", Locale.ITALIAN));

  private HumanDateFormats() {}

  private static DateTimeFormatter f(String pattern, Locale locale) {
    return DateTimeFormatter.ofPattern(pattern, locale);
  }

  /** The number of formats. */
  public static int count() {
    return FORMATS.size();
  }

  /** The patterns with their locales, for documentation and tests. */
  public static List<String> describe() {
    List<String> out = new ArrayList<>();
    for (DateTimeFormatter f : FORMATS) {
      out.add(f.toString() + " " + f.getLocale());
    }
    return out;
  }

  /**
   * The date written in format {@code format}, lower-cased.
   *
   * @param format in {@code [0, count())}
   */
  public static String format(LocalDate date, int format) {
    if (format < 0 || format >= FORMATS.size()) {
      throw new IllegalArgumentException("format must be in [0, " + FORMATS.size() + "), got "
          + format);
    }
    return FORMATS.get(format).format(date).toLowerCase(FORMATS.get(format).getLocale());
  }
}
