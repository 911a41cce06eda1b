package org.seqlearn.nlp.vectors;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.seqlearn.core.io.AtomicFiles;

/**
 * Writes word vectors in the word2vec text, word2vec binary and GloVe text formats (gensim {@code
 * save_word2vec_format}), atomically: a temporary file in the target directory is renamed over
 * the target once complete. Text values use {@link Float#toString(float)}, which reads back to
 * the identical float32; binary vectors are little-endian float32, each followed by a newline
 * like the C tool.
 */
public final class WordVectorWriter {

  private static final VarHandle FLOAT_LE =
      MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);

  private WordVectorWriter() {}

  /**
   * Writes {@code vectors} to {@code file} in {@code format}.
   *
   * @throws IllegalArgumentException if a word is empty or holds a space, tab, newline, carriage
   *     return or unpaired surrogate (it could not be read back: {@link WordVectorReader} applies
   *     the same rule), before anything is written
   */
  public static void write(WordVectors vectors, Path file, WordVectorFormat format)
      throws IOException {
    for (int i = 0; i < vectors.size(); i++) {
      String problem = WordRule.problem(vectors.word(i));
      if (problem != null) {
        throw new IllegalArgumentException("word #" + i + " '" + vectors.word(i) + "' "
            + problem + "; expected words " + WordRule.DESCRIPTION);
      }
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent); // missing directories are created, as before
    }
    AtomicFiles.write(file, out -> {
      if (format == WordVectorFormat.WORD2VEC_BINARY) {
        writeBinary(vectors, out);
      } else {
        writeText(vectors, out, format == WordVectorFormat.WORD2VEC_TEXT);
      }
    });
  }

  private static void writeText(WordVectors vectors, OutputStream out, boolean header)
      throws IOException {
    int dim = vectors.dimension();
    float[] m = vectors.rawMatrix();
    if (header) {
      out.write((vectors.size() + " " + dim + "\n").getBytes(StandardCharsets.US_ASCII));
    }
    StringBuilder sb = new StringBuilder(dim * 12);
    for (int i = 0; i < vectors.size(); i++) {
      sb.setLength(0);
      for (int k = 0; k < dim; k++) {
        sb.append(' ').append(m[i * dim + k]);
      }
      sb.append('\n');
      out.write(vectors.word(i).getBytes(StandardCharsets.UTF_8));
      out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
    }
  }

  private static void writeBinary(WordVectors vectors, OutputStream out) throws IOException {
    int dim = vectors.dimension();
    float[] m = vectors.rawMatrix();
    out.write((vectors.size() + " " + dim + "\n").getBytes(StandardCharsets.US_ASCII));
    byte[] row = new byte[dim * Float.BYTES + 1];
    row[row.length - 1] = '\n';
    for (int i = 0; i < vectors.size(); i++) {
      out.write(vectors.word(i).getBytes(StandardCharsets.UTF_8));
      out.write(' ');
      for (int k = 0; k < dim; k++) {
        FLOAT_LE.set(row, k * Float.BYTES, m[i * dim + k]);
      }
      out.write(row);
    }
  }
}
