package org.seqlearn.nlp.vectors;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;
import org.seqlearn.core.io.NonFinitePolicy;

/**
 * Collects the words and rows of a file being read into a matrix allocated once, after checking
 * that {@code V x D} is sane (fits a Java array and the heap, and the file is big enough to hold
 * it). Like gensim, a repeated word keeps its first vector and later ones are dropped.
 */
final class MatrixBuilder {

  /** The most values one matrix may hold (the largest Java array). */
  static final long MAX_VALUES = Integer.MAX_VALUE - 8;

  private static final Logger LOG = Logger.getLogger(MatrixBuilder.class.getName());

  private final int capacity;
  private final int dim;
  private final String[] words;
  private final float[] matrix;
  private final Map<String, Integer> index;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final NonFinitePolicy nonFinite;
  private int count;
  private long nonFiniteValues;
  private String dimSource = "";

  private MatrixBuilder(int capacity, int dim, NonFinitePolicy nonFinite) {
    this.capacity = capacity;
    this.nonFinite = nonFinite;
    this.dim = dim;
    this.words = new String[capacity];
    this.matrix = new float[capacity * dim];
    this.index = new HashMap<>(Math.max(16, capacity * 4 / 3 + 1));
  }

  /**
   * Validates a shape a file states against the limits and the bytes left in the file, before
   * anything is allocated from it: {@code 0 <= V}, {@code 1 <= D <= }{@link
   * WordVectors#MAX_DIMENSION}, {@code V x D} fits a Java array, and the file holds at least
   * {@code V} records of the format's smallest size.
   *
   * @param minBytesPerVector the fewest bytes one word and its vector can take in this format
   * @param bytesLeft bytes of the file after the header
   * @param what a description of where the shape came from, for messages
   */
  static void checkShape(long vocab, long dim, long minBytesPerVector, long bytesLeft,
      String what, long line, long offset) throws WordVectorFormatException {
    if (vocab < 0 || dim < 1) {
      throw new WordVectorFormatException(what + ": expected V >= 0 words and D >= 1 dimensions, "
          + "found V=" + vocab + ", D=" + dim, line, offset);
    }
    if (vocab > MAX_VALUES || dim > MAX_VALUES || vocab * dim > MAX_VALUES) {
      throw new WordVectorFormatException(what + ": V x D = " + vocab + " x " + dim + " = "
          + (vocab > MAX_VALUES || dim > MAX_VALUES ? "more than " + MAX_VALUES : vocab * dim)
          + " values, more than the limit of " + MAX_VALUES, line, offset);
    }
    if (dim > WordVectors.MAX_DIMENSION) {
      throw new WordVectorFormatException(what + ": expected D <= " + WordVectors.MAX_DIMENSION
          + " dimensions, found D=" + dim, line, offset);
    }
    long needed = vocab * minBytesPerVector - 1;
    if (vocab > 0 && needed > bytesLeft) {
      throw new WordVectorFormatException(what + ": " + vocab + " x " + dim
          + " vectors need at least " + needed + " bytes after the header, but the file has only "
          + bytesLeft, line, offset);
    }
  }

  /**
   * Allocates room for {@code rows} vectors of {@code dim} values, after {@link #checkShape} and
   * a check that they fit the heap.
   *
   * @param nonFinite what to do with NaN or infinite values
   */
  static MatrixBuilder allocate(long rows, long dim, long minBytesPerVector, long bytesLeft,
      NonFinitePolicy nonFinite, String what, long line, long offset)
      throws WordVectorFormatException {
    checkShape(rows, dim, minBytesPerVector, bytesLeft, what, line, offset);
    long heap = Runtime.getRuntime().maxMemory();
    if (rows * dim * Float.BYTES > heap) {
      throw new WordVectorFormatException(what + ": " + rows + " x " + dim
          + " float32 values need "
          + (rows * dim * Float.BYTES >> 20) + " MiB but the maximum heap is " + (heap >> 20)
          + " MiB (-Xmx)", line, offset);
    }
    return new MatrixBuilder((int) rows, (int) dim, nonFinite);
  }

  /** Where D came from, for messages: for example {@code " (D = 300 in the header)"}. */
  String dimSource() {
    return dimSource;
  }

  MatrixBuilder dimSource(String source) {
    this.dimSource = source;
    return this;
  }

  int capacity() {
    return capacity;
  }

  int dim() {
    return dim;
  }

  /** How many distinct words are stored. */
  int count() {
    return count;
  }

  /** The matrix: the next row to fill starts at {@link #nextRowOffset()}. */
  float[] matrix() {
    return matrix;
  }

  int nextRowOffset() {
    return count * dim;
  }

  /**
   * Decodes a word's bytes as strict UTF-8 and checks it against {@link WordRule} (malformed
   * input or a forbidden character is an error naming the line or offset).
   */
  String decode(byte[] bytes, int from, int length, long line, long offset)
      throws WordVectorFormatException {
    String where = line > 0 ? "line " + line : "byte offset " + offset;
    String word;
    try {
      CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(bytes, from, length));
      word = chars.toString();
    } catch (CharacterCodingException e) {
      throw new WordVectorFormatException(where + ": expected a UTF-8 word, found invalid bytes "
          + hex(bytes, from, length), line, offset);
    }
    String problem = WordRule.problem(word);
    if (problem != null) {
      throw new WordVectorFormatException(where + ": expected a word " + WordRule.DESCRIPTION
          + ", found one that " + problem, line, offset);
    }
    return word;
  }

  /**
   * Checks the row just written at {@link #nextRowOffset()} for NaN and infinities, as the
   * policy says.
   *
   * @param word the row's word, for messages
   */
  void checkRow(String word, long line, long offset) throws WordVectorFormatException {
    if (nonFinite == NonFinitePolicy.ALLOW) {
      return;
    }
    int row = nextRowOffset();
    int bad = NonFinitePolicy.firstNonFinite(matrix, row, row + dim);
    if (bad < 0) {
      return;
    }
    if (nonFinite == NonFinitePolicy.REJECT) {
      throw new WordVectorFormatException((line > 0 ? "line " + line : "byte offset " + offset)
          + ": value " + (bad - row + 1) + " of the vector of '" + word + "' is " + matrix[bad]
          + "; expected finite values (read with NonFinitePolicy.ALLOW or WARN to accept them)",
          line, offset);
    }
    nonFiniteValues += NonFinitePolicy.countNonFinite(matrix, bad, row + dim);
  }

  /** How many NaN or infinite values {@link #checkRow} let through (with WARN). */
  long nonFiniteValues() {
    return nonFiniteValues;
  }

  /**
   * Keeps the row just written at {@link #nextRowOffset()} under {@code word}; a repeated word is
   * dropped (its row will be overwritten).
   */
  void commit(String word) {
    Integer previous = index.putIfAbsent(word, count);
    if (previous != null) {
      LOG.warning("duplicate word '" + word + "' in word-vector file, ignoring all but the first");
      return;
    }
    words[count++] = word;
  }

  WordVectors build() {
    if (count == capacity) {
      return new WordVectors(words, index, matrix, dim);
    }
    return new WordVectors(Arrays.copyOf(words, count), index, Arrays.copyOf(matrix, count * dim),
        dim);
  }

  private static String hex(byte[] bytes, int from, int length) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(length, 32); i++) {
      sb.append(String.format("%02x", bytes[from + i] & 0xff));
    }
    return sb.append(length > 32 ? "..." : "").toString();
  }
}
