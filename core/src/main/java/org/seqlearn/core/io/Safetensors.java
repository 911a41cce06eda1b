package org.seqlearn.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import org.seqlearn.core.Tensor;

/**
 * Reading and writing the <a href="https://github.com/huggingface/safetensors">safetensors</a>
 * format used by PyTorch and Hugging Face for model weights.
 *
 * <p>Reading validates the whole header before allocating anything for the data: the header
 * length (at most 100 MB and within the file), strict JSON (depth and size limited, no duplicate
 * keys), each entry's {@code dtype}, {@code shape} and {@code data_offsets}, element counts
 * without overflow, and byte ranges that match the shapes and tile the data section exactly (no
 * overlap, gap or trailing bytes, as the reference implementation requires). A corrupt or
 * hostile file therefore fails with a {@link SafetensorsFormatException} naming the file, the
 * tensor, and the expected and actual offsets or sizes, never with an out-of-memory error.
 * Writing is atomic (see {@link AtomicFiles}) and deterministic, byte-identical to the reference
 * writer for the same tensors and at most one metadata entry (the reference orders several
 * metadata entries arbitrarily; this writer sorts them).
 *
 * <!-- given: Path path, Path out -->
 * <pre>{@code
 * SafetensorsContent st = Safetensors.read(path);
 * Tensor w = st.tensor("weight_ih_l0");          // [4 * hidden, input]
 * long[] steps = st.longs("num_batches_tracked");
 * Safetensors.write(out, Map.of("weight", w), Map.of("format", "pt"));
 * }</pre>
 */
public final class Safetensors {

  private Safetensors() {}

  /**
   * Reads a whole file into memory and closes it.
   *
   * @throws SafetensorsFormatException if the file is corrupt (message names what and where)
   * @throws IOException if it cannot be read
   */
  public static SafetensorsContent read(Path path) throws IOException {
    try (ByteSource src = ByteSource.open(path)) {
      SafetensorsHeader header = SafetensorsHeader.read(src);
      if (header.dataLength > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException(path + ": data section of " + header.dataLength
            + " bytes is too large to hold in one array; use Safetensors.open(path)");
      }
      byte[] data = new byte[(int) header.dataLength];
      src.readFully(header.dataStart, ByteBuffer.wrap(data));
      return new SafetensorsContent(header, data, 0);
    }
  }

  /**
   * Parses a file held in {@code bytes} (not copied: do not modify it afterwards).
   *
   * @param label what to call the data in error messages, e.g. a resource name
   * @throws SafetensorsFormatException if the bytes are not a valid file
   */
  public static SafetensorsContent read(byte[] bytes, String label) {
    try {
      SafetensorsHeader header = SafetensorsHeader.read(ByteSource.of(bytes, label));
      return new SafetensorsContent(header, bytes, header.dataStart);
    } catch (IOException e) {
      throw new SafetensorsFormatException(label + ": " + e.getMessage(), e);
    }
  }

  /**
   * Opens a file, validates its header and leaves the data on disk to be read on demand; for
   * files too large to load whole. Close the result.
   *
   * @throws SafetensorsFormatException if the header is corrupt
   * @throws IOException if the file cannot be read
   */
  public static SafetensorsFile open(Path path) throws IOException {
    ByteSource src = ByteSource.open(path);
    try {
      return new SafetensorsFile(SafetensorsHeader.read(src), src);
    } catch (IOException | RuntimeException e) {
      src.close();
      throw e;
    }
  }

  /**
   * Atomically writes float32 tensors (as {@code F32}) and metadata to {@code path}. For other
   * types use {@link #writer()}.
   *
   * @param tensors tensors by name, e.g. a module's state dict
   * @param metadata the {@code __metadata__} map; may be empty
   */
  public static void write(Path path, Map<String, Tensor> tensors, Map<String, String> metadata)
      throws IOException {
    SafetensorsWriter w = writer().metadata(metadata);
    tensors.forEach(w::put);
    w.write(path);
  }

  /** A builder for files that also hold {@code F64}, {@code I32} or {@code I64} tensors. */
  public static SafetensorsWriter writer() {
    return new SafetensorsWriter();
  }
}
