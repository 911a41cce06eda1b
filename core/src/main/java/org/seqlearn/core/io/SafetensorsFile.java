package org.seqlearn.core.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * An open safetensors file whose header has been validated and whose tensors are read on demand
 * with positional reads, so a large file costs memory only for the tensors asked for. Close it
 * when done; accessors are safe to call from several threads.
 *
 * <!-- given: Path path -->
 * <pre>{@code
 * try (SafetensorsFile f = Safetensors.open(path)) {
 *   Tensor w = f.tensor("weight_ih_l0");
 * }
 * }</pre>
 */
public final class SafetensorsFile extends SafetensorsSource implements Closeable {

  private final ByteSource bytes;

  SafetensorsFile(SafetensorsHeader header, ByteSource bytes) {
    super(header);
    this.bytes = bytes;
  }

  @Override
  void read(TensorInfo info, long offset, ByteBuffer dst) throws IOException {
    bytes.readFully(header.dataStart + info.begin() + offset, dst);
  }

  /** Closes the file; accessors fail afterwards. */
  @Override
  public void close() throws IOException {
    bytes.close();
  }
}
