package org.seqlearn.core.io;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Random-access bytes to read a safetensors file from: a file channel or an array. */
interface ByteSource extends Closeable {

  /** Total size in bytes. */
  long size() throws IOException;

  /** Fills {@code dst} (its remaining bytes) from {@code position}, or throws at end of data. */
  void readFully(long position, ByteBuffer dst) throws IOException;

  /** What to call this source in messages (the file path, or a label). */
  String name();

  /** A source reading {@code path} with positional reads (thread-safe, no shared position). */
  static ByteSource open(Path path) throws IOException {
    FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
    String name = path.toString();
    return new ByteSource() {
      @Override
      public long size() throws IOException {
        return channel.size();
      }

      @Override
      public void readFully(long position, ByteBuffer dst) throws IOException {
        long p = position;
        while (dst.hasRemaining()) {
          int n = channel.read(dst, p);
          if (n < 0) {
            throw new EOFException(name + " ended at byte " + p + " while " + dst.remaining()
                + " more bytes were expected (was it truncated while open?)");
          }
          p += n;
        }
      }

      @Override
      public String name() {
        return name;
      }

      @Override
      public void close() throws IOException {
        channel.close();
      }
    };
  }

  /** A source over an array (not copied). */
  static ByteSource of(byte[] bytes, String name) {
    return new ByteSource() {
      @Override
      public long size() {
        return bytes.length;
      }

      @Override
      public void readFully(long position, ByteBuffer dst) throws IOException {
        int n = dst.remaining();
        if (position < 0 || position > bytes.length - n) {
          throw new EOFException(name + " has " + bytes.length + " bytes, cannot read " + n
              + " at " + position);
        }
        dst.put(bytes, (int) position, n);
      }

      @Override
      public String name() {
        return name;
      }

      @Override
      public void close() {}
    };
  }
}
