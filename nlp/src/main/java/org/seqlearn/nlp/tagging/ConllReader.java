package org.seqlearn.nlp.tagging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.seqlearn.core.io.LineInput;
import org.seqlearn.core.io.TextFormatException;

/**
 * Reads a CoNLL-format tagged corpus: one token per line, columns split by a separator (any run
 * of whitespace by default, or a fixed string such as a tab), a blank or whitespace-only line
 * between sentences. The token and tag columns are configurable (first and last by default);
 * every token line must have as many columns as the first one, as conlleval requires.
 *
 * <p>Input is strict UTF-8 (code points outside the BMP are kept whole); lines are bounded in
 * length. Errors are {@link IllegalArgumentException}s that start with {@code file:line:} and say
 * what was expected. A {@code -DOCSTART-} line is read as an ordinary token (tagged {@code O} in
 * CoNLL-2003), as conlleval counts it; drop such sentences before training if unwanted.
 */
public final class ConllReader {

  /** The default longest line accepted, in UTF-8 bytes: 1 MiB. */
  public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

  private final String separator;
  private final int tokenColumn;
  private final int tagColumn;
  private final int maxLineBytes;

  /** Whitespace-separated, token in the first column, tag in the last. */
  public ConllReader() {
    this(null, 0, -1, DEFAULT_MAX_LINE_BYTES);
  }

  private ConllReader(String separator, int tokenColumn, int tagColumn, int maxLineBytes) {
    this.separator = separator;
    this.tokenColumn = tokenColumn;
    this.tagColumn = tagColumn;
    this.maxLineBytes = maxLineBytes;
  }

  /** A copy splitting columns at each occurrence of {@code value} (e.g. {@code "\t"}). */
  public ConllReader withSeparator(String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("conll: the separator must be non-empty, got "
          + (value == null ? "null" : "\"\""));
    }
    return new ConllReader(value, tokenColumn, tagColumn, maxLineBytes);
  }

  /** A copy splitting columns at runs of whitespace (the default). */
  public ConllReader withWhitespaceSeparator() {
    return new ConllReader(null, tokenColumn, tagColumn, maxLineBytes);
  }

  /**
   * A copy reading tokens and tags from these 0-based columns; a negative index counts from the
   * end ({@code -1} is the last column).
   */
  public ConllReader withColumns(int token, int tag) {
    return new ConllReader(separator, token, tag, maxLineBytes);
  }

  /** A copy rejecting lines longer than {@code value} bytes. */
  public ConllReader withMaxLineBytes(int value) {
    if (value < 1) {
      throw new IllegalArgumentException("conll: max line length must be positive, got " + value);
    }
    return new ConllReader(separator, tokenColumn, tagColumn, value);
  }

  /** Reads every sentence of {@code file}. */
  public List<TaggedSentence> read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  /**
   * Reads every sentence of {@code in} (not closed).
   *
   * @param name the name used in error messages
   * @throws IllegalArgumentException on a malformed line, invalid UTF-8 or an over-long line
   */
  public List<TaggedSentence> read(InputStream in, String name) throws IOException {
    LineInput lines = new LineInput(in, name); // not closed: the caller owns the stream
    Pattern split = separator == null ? Pattern.compile("\\s+")
        : Pattern.compile(Pattern.quote(separator));
    List<TaggedSentence> sentences = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    int columns = -1;
    int first = 0;
    for (String line = nextLine(lines, name); line != null; line = nextLine(lines, name)) {
      if (line.isBlank()) {
        if (!tokens.isEmpty()) {
          sentences.add(new TaggedSentence(tokens, tags, first));
          tokens.clear();
          tags.clear();
        }
        continue;
      }
      String where = name + ":" + lines.lineNumber() + ": ";
      String[] fields = split.split(separator == null ? line.strip() : line, -1);
      if (columns < 0) {
        columns = fields.length;
        if (column(tokenColumn, columns) < 0 || column(tagColumn, columns) < 0) {
          throw new IllegalArgumentException(where + "expected columns " + tokenColumn
              + " (token) and " + tagColumn + " (tag), got " + columns + " column(s)");
        }
      } else if (fields.length != columns) {
        throw new IllegalArgumentException(where + "expected " + columns + " columns (as on the "
            + "first token line), got " + fields.length);
      }
      String token = fields[column(tokenColumn, columns)];
      String tag = fields[column(tagColumn, columns)];
      if (token.isEmpty() || tag.isEmpty()) {
        throw new IllegalArgumentException(where + "expected a non-empty token and tag, got \""
            + token + "\" and \"" + tag + "\"");
      }
      if (tokens.isEmpty()) {
        first = (int) Math.min(lines.lineNumber(), Integer.MAX_VALUE);
      }
      tokens.add(token);
      tags.add(tag);
    }
    if (!tokens.isEmpty()) {
      sentences.add(new TaggedSentence(tokens, tags, first));
    }
    return sentences;
  }

  /** The index of {@code column} among {@code columns}, or -1 if out of range. */
  private static int column(int column, int columns) {
    int index = column < 0 ? columns + column : column;
    return index >= 0 && index < columns ? index : -1;
  }

  /**
   * The next line of {@code in} as strict UTF-8 without its line end ({@code \n} or {@code
   * \r\n}), or null at the end; a last line without {@code \n} counts.
   *
   * @throws IllegalArgumentException {@code "name:line: ..."} for a line longer than the bound or
   *     bytes that are not UTF-8
   */
  private String nextLine(LineInput in, String name) throws IOException {
    try {
      if (!in.readLine(maxLineBytes)) {
        return null;
      }
    } catch (TextFormatException e) {
      throw new IllegalArgumentException(name + ":" + in.lineNumber() + ": line longer than "
          + maxLineBytes + " bytes", e);
    }
    int end = in.lineLength();
    if (end > 0 && in.line()[end - 1] == '\r') {
      end--;
    }
    try {
      return in.decodeUtf8(in.line(), 0, end, in.lineNumber(), in.lineOffset());
    } catch (TextFormatException e) {
      throw new IllegalArgumentException(name + ":" + in.lineNumber() + ": invalid UTF-8 "
          + "(expected UTF-8 text)", e);
    }
  }
}
