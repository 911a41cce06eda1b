package org.seqlearn.nlp.text;

import java.io.BufferedReader;
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
 * or -1. Writes are atomic (temporary file, then rename).
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
        w.write(escape(vocabulary.token(i)));
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
   * @throws IOException naming the line when the file is malformed
   */
  public static Vocabulary read(Path file) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      Matcher m = header == null ? null : HEADER.matcher(header);
      if (m == null || !m.matches()) {
        throw new IOException(file + " line 1: expected 'seqlearn-vocabulary 1 specials=N unk=ID'"
            + ", found '" + header + "'");
      }
      int specials = Integer.parseInt(m.group(1));
      int unk = Integer.parseInt(m.group(2));
      List<String> tokens = new ArrayList<>();
      List<Long> counts = new ArrayList<>();
      int lineNo = 1;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNo++;
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
          throw new IOException(file + " line " + lineNo + ": expected 'token<TAB>count', found '"
              + line + "'");
        }
        tokens.add(unescape(line.substring(0, tab), file, lineNo));
        counts.add(count);
      }
      if (specials > tokens.size() || unk >= specials) {
        throw new IOException(file + ": header says specials=" + specials + " unk=" + unk
            + ", expected unk < specials <= the " + tokens.size() + " tokens found");
      }
      long[] c = counts.stream().mapToLong(Long::longValue).toArray();
      try {
        return new Vocabulary(tokens, c, specials, unk < 0 ? null : tokens.get(unk));
      } catch (IllegalArgumentException e) {
        throw new IOException(file + ": " + e.getMessage(), e);
      }
    }
  }

  static String escape(String token) {
    StringBuilder sb = new StringBuilder(token.length());
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  static String unescape(String s, Path file, int lineNo) throws IOException {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char next = i + 1 < s.length() ? s.charAt(++i) : '?';
      switch (next) {
        case '\\' -> sb.append('\\');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        default -> throw new IOException(file + " line " + lineNo + ": expected an escape \\\\, "
            + "\\n, \\r or \\t in '" + s + "', found '\\" + next + "'");
      }
    }
    return sb.toString();
  }
}
