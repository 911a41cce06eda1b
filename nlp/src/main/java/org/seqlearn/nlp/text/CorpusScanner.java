package org.seqlearn.nlp.text;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.seqlearn.core.io.TextFormatException;

/**
 * Streams the tokens of a UTF-8 corpus file without holding it in memory: each token is handed
 * to a {@link Sink} as a range of a reused {@code char[]} (no allocation per token), and each line
 * end is reported so that callers can treat lines as sentences. Files whose name ends in {@code
 * .gz} are decompressed on the fly.
 */
public final class CorpusScanner {

  /** Receives tokens and line ends. */
  public interface Sink {
    /** One token: {@code buf[offset .. offset + length)}; the buffer is reused afterwards. */
    void token(char[] buf, int offset, int length);

    /** The end of a line (also called once at the end of a file that does not end in one). */
    void endOfLine();
  }

  private static final int BUFFER = 1 << 16;
  /** Longer tokens are cut (like word2vec's MAX_STRING); protects against hostile input. */
  public static final int MAX_TOKEN_LENGTH = 1000;

  private final CorpusTokenization tokenization;
  private long tokenCharacters;
  private long droppedCharacters;
  /** Line ends seen by the current scan (for the line number of a decoding error). */
  private long linesEnded;

  /** A scanner with the given tokenisation. */
  public CorpusScanner(CorpusTokenization tokenization) {
    this.tokenization = tokenization;
  }

  /**
   * Opens {@code file} as strictly decoded UTF-8 text (invalid bytes raise a {@link
   * CharacterCodingException} instead of becoming replacement characters, as gensim's
   * {@code LineSentence} refuses them), gunzipping when its name ends in {@code .gz}. */
  public static Reader open(Path file) throws IOException {
    return open(file, new long[1]);
  }

  /** {@link #open(Path)}, counting the file's bytes read so far in {@code read[0]}. */
  private static Reader open(Path file, long[] read) throws IOException {
    InputStream in = new BufferedInputStream(new FilterInputStream(Files.newInputStream(file)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        read[0] += Math.max(n, 0);
        return n;
      }
    }, BUFFER);
    if (file.getFileName().toString().endsWith(".gz")) {
      try {
        in = new GZIPInputStream(in, BUFFER);
      } catch (EOFException | ZipException e) {
        in.close();
        throw badGzip(file, read[0], e);
      }
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT));
  }

  /**
   * Streams every token of {@code file} to {@code sink}.
   *
   * @throws IOException naming the file and byte offset when a {@code .gz} file is corrupt or
   *     truncated
   */
  public void scan(Path file, Sink sink) throws IOException {
    long[] read = new long[1];
    try (Reader reader = open(file, read)) {
      scan(reader, sink);
    } catch (EOFException | ZipException e) {
      throw badGzip(file, read[0], e);
    } catch (CharacterCodingException e) {
      // the decoder reads ahead in blocks, so the line is not known: the bytes read bound it
      throw new TextFormatException(file + ": expected UTF-8 text, found an invalid byte "
          + "sequence within the first " + read[0] + " bytes"
          + (file.getFileName().toString().endsWith(".gz") ? " of the compressed file" : "")
          + " (after line " + linesEnded + ")", -1, -1);
    }
  }

  private static IOException badGzip(Path file, long offset, IOException e) {
    return new IOException(file + ": expected gzip-compressed data, found "
        + (e instanceof EOFException ? "the file truncated" : "corrupt data ("
        + e.getMessage() + ")") + " within the first " + offset + " bytes", e);
  }

  /** Streams every token read from {@code reader} (not closed) to {@code sink}. */
  public void scan(Reader reader, Sink sink) throws IOException {
    linesEnded = 0;
    boolean text8 = tokenization == CorpusTokenization.TEXT8;
    char[] in = new char[BUFFER];
    char[] token = new char[MAX_TOKEN_LENGTH];
    int length = 0;
    boolean lineOpen = false;
    for (int n = reader.read(in); n >= 0; n = reader.read(in)) {
      for (int i = 0; i < n; i++) {
        char c = in[i];
        char t;
        if (text8) {
          t = Text8Tokenizer.lowerLetter(c);
        } else {
          t = Character.isWhitespace(c) ? 0 : c;
        }
        if (t != 0) {
          if (length < MAX_TOKEN_LENGTH) {
            token[length++] = t;
          }
          tokenCharacters++;
          lineOpen = true;
          continue;
        }
        if (!Character.isWhitespace(c)) {
          droppedCharacters++;
        }
        if (length > 0) {
          sink.token(token, 0, length);
          length = 0;
        }
        if (c == '\n') {
          linesEnded++;
          sink.endOfLine();
          lineOpen = false;
        }
      }
    }
    if (length > 0) {
      sink.token(token, 0, length);
    }
    if (lineOpen) {
      sink.endOfLine();
    }
  }

  /** Characters that went into tokens, over every scan of this scanner. */
  public long tokenCharacters() {
    return tokenCharacters;
  }

  /**
   * Characters other than whitespace that the tokenisation discarded (with {@code TEXT8}: digits,
   * punctuation, letters outside a-z), over every scan of this scanner.
   */
  public long droppedCharacters() {
    return droppedCharacters;
  }

  /**
   * The share of the non-whitespace characters scanned so far that the tokenisation discarded,
   * in {@code [0, 1]} (0 before any character).
   */
  public double droppedFraction() {
    long all = tokenCharacters + droppedCharacters;
    return all == 0 ? 0 : (double) droppedCharacters / all;
  }
}
