package org.seqlearn.nlp.tagging;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.seqlearn.core.io.AtomicFiles;

/**
 * Writes tagged sentences in CoNLL format: {@code token<separator>tag} per line (UTF-8, {@code
 * "\n"}), a blank line after each sentence, so that {@link ConllReader} reads them back. A token
 * or tag that contains the separator, a line break, or (with a whitespace separator) whitespace
 * could not be read back and is rejected before anything is written.
 */
public final class ConllWriter {

  private final String separator;

  /** Columns separated by a single space. */
  public ConllWriter() {
    this(" ");
  }

  /** Columns separated by {@code separator} (e.g. {@code "\t"}). */
  public ConllWriter(String separator) {
    if (separator == null || separator.isEmpty() || separator.contains("\n")) {
      throw new IllegalArgumentException("conll: the separator must be non-empty and have no "
          + "line break, got " + (separator == null ? "null" : "\"" + separator + "\""));
    }
    this.separator = separator;
  }

  /** Writes {@code sentences} to {@code file} atomically (all or nothing). */
  public void write(Path file, List<TaggedSentence> sentences) throws IOException {
    check(sentences);
    AtomicFiles.write(file, out -> writeTo(out, sentences));
  }

  /** Writes {@code sentences} to {@code out} (flushed, not closed). */
  public void write(OutputStream out, List<TaggedSentence> sentences) throws IOException {
    check(sentences);
    writeTo(out, sentences);
  }

  private void writeTo(OutputStream out, List<TaggedSentence> sentences) throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    for (TaggedSentence s : sentences) {
      for (int i = 0; i < s.size(); i++) {
        w.write(s.tokens().get(i));
        w.write(separator);
        w.write(s.tags().get(i));
        w.write('\n');
      }
      w.write('\n');
    }
    w.flush();
  }

  private void check(List<TaggedSentence> sentences) {
    boolean whitespace = separator.isBlank();
    for (int n = 0; n < sentences.size(); n++) {
      TaggedSentence s = sentences.get(n);
      for (int i = 0; i < s.size(); i++) {
        for (String field : List.of(s.tokens().get(i), s.tags().get(i))) {
          boolean bad = field.contains(separator) || field.contains("\n")
              || field.contains("\r") || whitespace && !field.equals(field.replaceAll("\\s", ""));
          if (bad) {
            throw new IllegalArgumentException("conll: sentence " + n + ", token " + i + ": \""
                + field + "\" contains the separator or a line break; expected a field that "
                + "reads back");
          }
        }
      }
    }
  }
}
