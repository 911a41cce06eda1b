package org.seqlearn.core.io;

/**
 * Element types of the safetensors format, with their size in bytes. All values are stored
 * little-endian.
 *
 * <p>Every byte-sized type of the format is recognised when a file is validated, so a file holding
 * e.g. a {@code BOOL} tensor can still be opened and its other tensors read. Converting readers
 * exist for {@link #F32}, {@link #F64}, {@link #F16}, {@link #BF16} (to float32 tensors), {@link
 * #I32} and {@link #I64}; the writer produces {@code F32}, {@code F64}, {@code I32} and {@code
 * I64}. The declaration order follows the reference implementation, whose writer lays tensors
 * out by descending type and then by name; {@link SafetensorsWriter} does the same.
 */
public enum DType {
  /** Boolean, one byte. */
  BOOL(1),
  /** Unsigned 8-bit integer. */
  U8(1),
  /** Signed 8-bit integer. */
  I8(1),
  /** 8-bit float, 5 exponent bits and 2 mantissa bits. */
  F8_E5M2(1),
  /** 8-bit float, 4 exponent bits and 3 mantissa bits. */
  F8_E4M3(1),
  /** 8-bit float, exponent only (scale factors). */
  F8_E8M0(1),
  /** Signed 16-bit integer. */
  I16(2),
  /** Unsigned 16-bit integer. */
  U16(2),
  /** IEEE 754 half precision. */
  F16(2),
  /** bfloat16: the upper half of a float32. */
  BF16(2),
  /** Signed 32-bit integer. */
  I32(4),
  /** Unsigned 32-bit integer. */
  U32(4),
  /** IEEE 754 single precision. */
  F32(4),
  /** Complex number of two float32 values. */
  C64(8),
  /** IEEE 754 double precision. */
  F64(8),
  /** Signed 64-bit integer. */
  I64(8),
  /** Unsigned 64-bit integer. */
  U64(8);

  private final int byteSize;

  DType(int byteSize) {
    this.byteSize = byteSize;
  }

  /** Bytes per element. */
  public int byteSize() {
    return byteSize;
  }

  /** The type named {@code name} in a header (e.g. {@code "F32"}), or null if there is none. */
  static DType fromHeaderName(String name) {
    for (DType t : values()) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    return null;
  }
}
