package org.seqlearn.audio.ctc.lm;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.seqlearn.core.io.AtomicFiles;

/**
 * Writes an {@link NgramModel} as ARPA text (the format SRILM, KenLM and torchaudio's decoder
 * read): a {@code \data\} header with the count of each order, then one {@code \k-grams:} section
 * per order with {@code log10 P <tab> tokens [<tab> log10 backoff]} lines (back-off weights on
 * every order below the highest), then {@code \end\}. N-grams are sorted, so the same model gives
 * the same bytes.
 */
public final class ArpaWriter {
  private ArpaWriter() {}

  /** Writes atomically: a reader never sees a half-written file. */
  public static void write(NgramModel model, Path file) throws IOException {
    AtomicFiles.write(file, out -> {
      Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      write(model, w);
      w.flush();
    });
  }

  /** Writes to {@code out} (not closed). */
  public static void write(NgramModel model, Writer out) throws IOException {
    int n = model.order();
    out.write("\\data\\\n");
    for (int k = 1; k <= n; k++) {
      out.write("ngram " + k + "=" + model.size(k) + "\n");
    }
    for (int k = 1; k <= n; k++) {
      out.write("\n\\" + k + "-grams:\n");
      Map<String, double[]> entries = model.entries(k);
      List<String> keys = new ArrayList<>(entries.keySet());
      keys.sort(null);
      for (String key : keys) {
        double[] v = entries.get(key);
        out.write(Double.toString(v[0]));
        out.write('\t');
        out.write(key);
        if (k < n) {
          out.write('\t');
          out.write(Double.toString(v[1]));
        }
        out.write('\n');
      }
    }
    out.write("\n\\end\\\n");
  }
}
