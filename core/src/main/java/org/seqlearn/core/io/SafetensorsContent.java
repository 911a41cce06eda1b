package org.seqlearn.core.io;

import java.nio.ByteBuffer;

/**
 * A safetensors file held in memory: the validated header plus the raw data section. Nothing
 * needs closing; accessors decode on each call and are safe to call from several threads.
 */
public final class SafetensorsContent extends SafetensorsSource {

  private final byte[] bytes;
  private final long base;

  /** {@code bytes[base + begin]} is the first byte of a tensor whose data offset is begin. */
  SafetensorsContent(SafetensorsHeader header, byte[] bytes, long base) {
    super(header);
    this.bytes = bytes;
    this.base = base;
  }

  @Override
  void read(TensorInfo info, long offset, ByteBuffer dst) {
    dst.put(bytes, (int) (base + info.begin() + offset), dst.remaining());
  }
}
