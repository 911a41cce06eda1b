package org.seqlearn.examples.charlm;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.seqlearn.core.io.LineInput;
import org.seqlearn.core.io.TextFormatException;

/**
 * The names the {@code charlm} demo learns from: by default a corpus built from data every JDK
 * already has (no download), or the lines of a text file.
 *
 * <p>The built-in corpus, lower-cased ({@link Locale#ROOT}) and deduplicated, in code-point order:
 *
 * <ul>
 *   <li>city (and region) names from the time-zone database: the last part of every {@link
 *       ZoneId} in a geographic area ({@code America/Argentina/Buenos_Aires} → {@code buenos
 *       aires}), underscores turned into spaces, leaving out names with digits or signs and
 *       all-capital abbreviations ({@code Australia/ACT});
 *   <li>country and region names, {@link Locale#getISOCountries()} in English ({@code côte
 *       d’ivoire});
 *   <li>language names, {@link Locale#getISOLanguages()} in English ({@code norwegian bokmål}).
 * </ul>
 *
 * <p>The same JDK always gives the same corpus; JDK versions differ slightly (their time-zone and
 * CLDR data), so the demo's numbers are reproducible per JDK.
 */
public final class NameCorpus {

  private static final Set<String> GEOGRAPHIC_AREAS = Set.of("Africa", "America", "Antarctica",
      "Arctic", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific");

  private NameCorpus() {}

  /** The built-in corpus (about a thousand names), sorted, distinct, lower-case. */
  public static List<String> builtIn() {
    TreeSet<String> names = new TreeSet<>();
    names.addAll(cityNames());
    for (String code : Locale.getISOCountries()) {
      addDisplayName(names, new Locale("", code).getDisplayCountry(Locale.ENGLISH), code);
    }
    for (String code : Locale.getISOLanguages()) {
      addDisplayName(names, new Locale(code).getDisplayLanguage(Locale.ENGLISH), code);
    }
    return List.copyOf(names);
  }

  /** City and region names from the time-zone ids, lower-case, sorted, distinct. */
  static TreeSet<String> cityNames() {
    TreeSet<String> names = new TreeSet<>();
    for (String id : ZoneId.getAvailableZoneIds()) {
      int slash = id.indexOf('/');
      if (slash < 0 || !GEOGRAPHIC_AREAS.contains(id.substring(0, slash))) {
        continue;
      }
      String last = id.substring(id.lastIndexOf('/') + 1);
      if (!last.matches("[\\p{L}_'.\\-]+") || last.length() > 1 && last.equals(
          last.toUpperCase(Locale.ROOT))) {
        continue;
      }
      names.add(last.replace('_', ' ').toLowerCase(Locale.ROOT));
    }
    return names;
  }

  private static void addDisplayName(TreeSet<String> names, String display, String code) {
    // A locale without an English name displays its code; leave those out.
    if (!display.isBlank() && !display.equalsIgnoreCase(code)) {
      names.add(display.strip().toLowerCase(Locale.ROOT));
    }
  }

  /**
   * The non-blank lines of a UTF-8 text file, one sequence per line, stripped of surrounding
   * whitespace (and of a byte-order mark), in file order; case and duplicates are kept.
   *
   * @throws IOException if the file cannot be read
   * @throws TextFormatException if it is not valid UTF-8 or has a line longer than {@link
   *     LineInput#DEFAULT_MAX_LINE_BYTES} (naming the file, line and byte offset)
   * @throws IllegalArgumentException if it holds no non-blank line
   */
  public static List<String> read(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    try (LineInput in = LineInput.open(file)) {
      for (String line = in.readText(LineInput.DEFAULT_MAX_LINE_BYTES); line != null;
          line = in.readText(LineInput.DEFAULT_MAX_LINE_BYTES)) {
        String s = line.replace("\uFEFF", "").strip();
        if (!s.isEmpty()) {
          lines.add(s);
        }
      }
    }
    if (lines.isEmpty()) {
      throw new IllegalArgumentException(file + ": expected at least one non-blank line, got none");
    }
    return lines;
  }
}
