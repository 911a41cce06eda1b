package org.seqlearn.nlp.text;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.seqlearn.core.io.AtomicFiles;
import org.seqlearn.core.io.LineInput;
import org.seqlearn.core.io.TextFormatException;

/**
 * The plain-text vocabulary file: UTF-8, LF line endings.
 *
 * <pre>
 * seqlearn-vocabulary 1 specials=3 unk=1
 * &lt;pad&gt;	0
 * &lt;unk&gt;	0
 * &lt;eos&gt;	0
 * the	1061396
 * </pre>
 *
 * <p>One line per id in id order: the token, a tab, its count. In tokens, backslash, newline,
 * carriage return and tab are written as {@code \\}, {@code \n}, {@code \r} and {@code \t}, so a
 * character vocabulary containing {@code "\n"} round-trips. {@code unk} is the unknown-token id
 * or -1. Writes are atomic (temporary file, then rename). What a token may hold is {@link
 * TokenText}'s rule, checked before anything is written.
 */
public final class VocabularyFile {

  private static final Pattern HEADER =
      Pattern.compile("seqlearn-vocabulary 1 specials=(\\d+) unk=(-1|\\d+)");

  private VocabularyFile() {}

  /** Writes {@code vocabulary} to {@code file} atomically. */
  public static void write(Vocabulary vocabulary, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent); // missing directories are created, as before
    }
    AtomicFiles.write(file, out -> {
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      w.write("seqlearn-vocabulary 1 specials=" + vocabulary.specialCount() + " unk="
          + vocabulary.unkId() + "\n");
      long[] counts = vocabulary.countsArray();
      for (int i = 0; i < vocabulary.size(); i++) {
        TokenText.requireSavable(vocabulary.token(i), i);
      }
      for (int i = 0; i < vocabulary.size(); i++) {
        w.write(TokenText.escape(vocabulary.token(i)));
        w.write('\t');
        w.write(Long.toString(counts[i]));
        w.write('\n');
      }
      w.flush();
    });
  }

  /**
   * Reads a vocabulary file.
   *
   * @throws TextFormatException naming the file, line and byte offset when the file is malformed
   *     (a line longer than {@link LineInput#DEFAULT_MAX_LINE_BYTES}, bytes that are not UTF-8, a
   *     bad header, escape or count)
   */
  public static Vocabulary read(Path file) throws IOException {
    try (LineInput in = LineInput.open(file)) {
      String header = in.readText(LineInput.DEFAULT_MAX_LINE_BYTES);
      Matcher m = header == null ? null : HEADER.matcher(header);
      if (m == null || !m.matches()) {
        throw TextFormatException.at(file.toString(), 1, 0, "expected 'seqlearn-vocabulary 1 "
            + "specials=N unk=ID', found " + (header == null ? "an empty file"
            : "'" + preview(header) + "'"));
      }
      long specials = headerNumber(m.group(1), in);
      long unk = m.group(2).equals("-1") ? -1 : headerNumber(m.group(2), in);
      List<String> tokens = new ArrayList<>();
      List<Long> counts = new ArrayList<>();
      for (String line = in.readText(LineInput.DEFAULT_MAX_LINE_BYTES); line != null;
          line = in.readText(LineInput.DEFAULT_MAX_LINE_BYTES)) {
        int tab = line.lastIndexOf('\t');
        long count = -1;
        if (tab >= 0) {
          try {
            count = Long.parseLong(line.substring(tab + 1));
          } catch (NumberFormatException e) {
            count = -1;
          }
        }
        if (count < 0) {
          throw in.error("expected 'token<TAB>count', found '" + preview(line) + "' (counts are "
              + "integers in [0, " + Long.MAX_VALUE + "])");
        }
        String token = TokenText.unescape(line.substring(0, tab));
        if (token == null) {
          throw in.error("expected only the escapes \\\\, \\n, \\r and \\t in the token '"
              + preview(line.substring(0, tab)) + "'");
        }
        tokens.add(token);
        counts.add(count);
      }
      if (specials > tokens.size() || unk >= specials) {
        throw TextFormatException.at(file.toString(), 1, 0, "header says specials=" + specials
            + " unk=" + unk + ", expected unk < specials <= the " + tokens.size()
            + " tokens found");
      }
      long[] c = counts.stream().mapToLong(Long::longValue).toArray();
      try {
        return new Vocabulary(tokens, c, (int) specials, unk < 0 ? null : tokens.get((int) unk));
      } catch (IllegalArgumentException e) {
        throw TextFormatException.at(file.toString(), -1, -1, e.getMessage());
      }
    }
  }

  private static long headerNumber(String digits, LineInput in) throws TextFormatException {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw in.error("expected specials and unk in [0, " + Integer.MAX_VALUE + "], found "
          + preview(digits));
    }
  }

  private static String preview(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
