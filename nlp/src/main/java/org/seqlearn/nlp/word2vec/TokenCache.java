package org.seqlearn.nlp.word2vec;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A compact on-disk copy of a tokenised corpus as vocabulary ids (or as provisional ids, remapped
 * on replay, when the vocabulary pass writes it), written once and replayed by the epochs, which
 * then skip decompressing, decoding and hashing. Each token is one unsigned LEB128 varint of
 * {@code id + 2} ({@code 1} for a word outside the vocabulary, which still counts as a raw
 * word), and {@code 0} ends a line; the frequent words (small ids) take one byte. The corpus
 * stays on disk: only a 64 KiB buffer is in memory.
 */
final class TokenCache {

  /** The code of a line end. */
  static final int END_OF_LINE = -2;
  private static final int BUFFER = 1 << 16;

  private TokenCache() {}

  /** A new empty temporary file for a cache (in {@code java.io.tmpdir}; the caller deletes it). */
  static Path temporaryFile() throws IOException {
    return Files.createTempFile("seqlearn-word2vec-", ".ids");
  }

  /** Receives replayed tokens. */
  interface Sink {
    /** A token: its vocabulary id, or -1 outside the vocabulary. */
    void word(int id);

    /** The end of a line. */
    void endOfLine();
  }

  /**
   * Appends tokens to a cache file, and marks its line ends in a {@link CacheRegions} when given
   * one. Not thread-safe.
   */
  static final class Writer implements AutoCloseable {
    private final OutputStream out;
    private final CacheRegions regions;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private long flushed;
    /** Tokens written with an id {@code >= 0}. */
    private long words;

    Writer(Path file) throws IOException {
      this(file, null);
    }

    /** A writer that marks each line end, with the words before it, in {@code regions}. */
    Writer(Path file, CacheRegions regions) throws IOException {
      out = Files.newOutputStream(file);
      this.regions = regions;
    }

    /**
     * {@link #write} for a scanner's token (an id, -1 outside the vocabulary), with the I/O error
     * unchecked, as the scanner's sink must throw it.
     *
     * @throws UncheckedIOException if writing fails
     */
    void token(int id) {
      if (id >= 0) {
        words++;
      }
      writeUnchecked(id);
    }

    /** Writes a line end and marks it; as {@link #token}, the I/O error is unchecked. */
    void endOfLine() {
      writeUnchecked(END_OF_LINE);
      if (regions != null) {
        regions.lineEnd(position(), words);
      }
    }

    private void writeUnchecked(int code) {
      try {
        write(code);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Writes a token: a vocabulary id, -1 outside the vocabulary, or {@link #END_OF_LINE}. */
    void write(int id) throws IOException {
      if (pos > BUFFER - 5) {
        flush();
      }
      int v = id + 2;
      while ((v & ~0x7F) != 0) {
        buf[pos++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      buf[pos++] = (byte) v;
    }

    /** The bytes written so far: the offset at which the next token starts. */
    long position() {
      return flushed + pos;
    }

    private void flush() throws IOException {
      out.write(buf, 0, pos);
      flushed += pos;
      pos = 0;
    }

    @Override
    public void close() throws IOException {
      try {
        flush();
      } finally {
        out.close();
      }
    }
  }

  /**
   * Replays {@code file} to {@code sink}.
   *
   * @param vocabularySize ids at or above it mean a corrupt file
   * @throws IOException if the file ends inside a varint or holds an id outside the vocabulary
   */
  static void replay(Path file, int vocabularySize, Sink sink) throws IOException {
    replay(file, 0, Long.MAX_VALUE, vocabularySize, sink);
  }

  /**
   * Replays bytes {@code [from, to)} of {@code file} (clipped to its length) to {@code sink};
   * {@code from} must be a token boundary, such as a {@link Writer#position()} taken between
   * tokens.
   *
   * @throws IOException as {@link #replay(Path, int, Sink)}, also if the range ends inside a
   *     varint
   */
  static void replay(Path file, long from, long to, int vocabularySize, Sink sink)
      throws IOException {
    replay(file, from, to, vocabularySize, null, sink);
  }

  /**
   * Replays bytes {@code [from, to)} of a file written with provisional ids, handing {@code
   * sink} {@code remap[id]} for each ({@code -1} stays {@code -1}).
   *
   * @throws IOException as {@link #replay(Path, long, long, int, Sink)}, with {@code
   *     remap.length} as the bound of the ids in the file
   */
  static void replay(Path file, long from, long to, int[] remap, Sink sink) throws IOException {
    replay(file, from, to, remap.length, remap, sink);
  }

  private static void replay(Path file, long from, long to, int vocabularySize, int[] remap,
      Sink sink) throws IOException {
    if (from < 0 || to < from) {
      throw new IllegalArgumentException("expected 0 <= from <= to, got [" + from + ", " + to
          + ")");
    }
    byte[] buf = new byte[BUFFER];
    try (SeekableByteChannel channel = Files.newByteChannel(file)) {
      channel.position(from);
      InputStream in = Channels.newInputStream(channel);
      int len = 0;
      int pos = 0;
      int value = 0;
      int shift = 0;
      long offset = from;
      long left = to - from;
      while (true) {
        if (pos == len) {
          offset += len;
          len = left <= 0 ? -1 : in.read(buf, 0, (int) Math.min(BUFFER, left));
          pos = 0;
          if (len > 0) {
            left -= len;
          }
          if (len < 0) {
            if (shift != 0) {
              throw new EOFException("token cache " + file + " ends inside a varint at byte "
                  + offset);
            }
            return;
          }
          continue;
        }
        int b = buf[pos++];
        if (shift == 28 && (b & 0xF0) != 0) {
          // the fifth byte may hold only the top 4 of 32 bits, and no continuation
          throw new IOException("token cache " + file + ": expected a varint of at most 5 bytes "
              + "and 32 bits, found a fifth byte 0x" + Integer.toHexString(b & 0xFF) + " ("
              + (b < 0 ? "longer than 5 bytes" : "more than 32 bits") + ") at byte "
              + (offset + pos - 1));
        }
        value |= (b & 0x7F) << shift;
        if (b < 0) {
          shift += 7;
          continue;
        }
        int id = value - 2;
        if (id == END_OF_LINE) {
          sink.endOfLine();
        } else if (id < -1 || id >= vocabularySize) {
          throw new IOException("token cache " + file + ": expected an id in [-1, "
              + vocabularySize + "), got " + id + " at byte " + (offset + pos));
        } else {
          sink.word(remap == null || id < 0 ? id : remap[id]);
        }
        value = 0;
        shift = 0;
      }
    }
  }
}
