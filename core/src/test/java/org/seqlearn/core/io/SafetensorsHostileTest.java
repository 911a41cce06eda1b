package org.seqlearn.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corrupt and hostile files are rejected with a message naming the source, the tensor, and the
 * expected and actual sizes, before anything large is allocated.
 */
class SafetensorsHostileTest {

  private static final String NAME = "hostile.safetensors";

  @TempDir Path dir;

  /** A file: the header length field, then {@code json}, then {@code dataBytes} zero bytes. */
  static byte[] file(String json, int dataBytes) {
    byte[] header = json.getBytes(StandardCharsets.UTF_8);
    return file(header.length, header, dataBytes);
  }

  static byte[] file(long declaredLength, byte[] header, int dataBytes) {
    return ByteBuffer.allocate(8 + header.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN)
        .putLong(declaredLength).put(header).array();
  }

  static String f32(String name, String shape, long begin, long end) {
    return "\"" + name + "\":{\"dtype\":\"F32\",\"shape\":" + shape + ",\"data_offsets\":["
        + begin + "," + end + "]}";
  }

  private static void rejects(byte[] bytes, String... fragments) {
    assertThatThrownBy(() -> Safetensors.read(bytes, NAME))
        .isInstanceOf(SafetensorsFormatException.class)
        .hasMessageStartingWith(NAME + ":")
        .hasMessageContainingAll(fragments);
  }

  /** Every hostile case of this class, for the allocation check. */
  private static List<byte[]> hostileCases() {
    List<byte[]> cases = new ArrayList<>();
    cases.add(new byte[5]);
    cases.add(file(1000, "{}".getBytes(StandardCharsets.US_ASCII), 10));
    cases.add(file(1L << 62, new byte[0], 16));
    cases.add(file(-1L, new byte[0], 16));
    cases.add(file("{" + f32("big", "[1048576,1048576]", 0, 4398046511104L) + "}", 8));
    cases.add(file("{" + f32("x", "[2147483647,2147483647,2147483647]", 0, 8) + "}", 8));
    cases.add(file("{" + f32("a", "[2]", 0, 8) + "," + f32("b", "[2]", 4, 12) + "}", 12));
    cases.add(file("[" .repeat(100_000), 0));
    cases.add(file("{\"a\":{\"dtype\":\"F17\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4));
    return cases;
  }

  @Test
  void tooShortForTheLengthField() {
    rejects(new byte[5], "5 bytes long", "too short");
  }

  @Test
  void headerLengthLargerThanFile() {
    rejects(file(1000, "{}".getBytes(StandardCharsets.US_ASCII), 10),
        "header of 1000 bytes", "only 12 bytes follow", "truncated");
  }

  @Test
  void oversizedHeaderLengths() {
    rejects(file(1L << 62, new byte[0], 16), "4611686018427387904", "limit of 100000000");
    rejects(file(-1L, new byte[0], 16), "18446744073709551615");
    rejects(file(100_000_001L, new byte[0], 16), "100000001");
  }

  @Test
  void headerLengthLargerThanFileOnDisk() throws IOException {
    Path p = dir.resolve("short.safetensors");
    Files.write(p, file(64, "{}".getBytes(StandardCharsets.US_ASCII), 0));
    assertThatThrownBy(() -> Safetensors.read(p))
        .isInstanceOf(SafetensorsFormatException.class)
        .hasMessageStartingWith(p.toString())
        .hasMessageContaining("header of 64 bytes, but only 2 bytes follow");
    assertThatThrownBy(() -> Safetensors.open(p)).isInstanceOf(SafetensorsFormatException.class);
  }

  @Test
  void truncatedFile() {
    byte[] good = Fixtures.bytes("torch_lstm.safetensors");
    rejects(Arrays.copyOf(good, good.length - 4), "extend past the data section of");
    rejects(Arrays.copyOf(good, 100), "header of", "only 92 bytes follow");
  }

  @Test
  void offsetsPastTheEnd() {
    rejects(file("{" + f32("big", "[1048576,1048576]", 0, 4398046511104L) + "}", 8),
        "tensor \"big\"", "[0, 4398046511104]", "past the data section of 8 bytes");
  }

  @Test
  void overlappingOffsets() {
    rejects(file("{" + f32("a", "[2]", 0, 8) + "," + f32("b", "[2]", 4, 12) + "}", 12),
        "tensor \"b\"", "[4, 12]", "overlap tensor \"a\" [0, 8]");
  }

  @Test
  void gapsAndTrailingBytes() {
    rejects(file("{" + f32("a", "[1]", 4, 8) + "}", 8), "tensor \"a\"", "gap", "start at 0");
    rejects(file("{" + f32("a", "[1]", 0, 4) + "}", 8), "cover 4 bytes", "holds 8 bytes");
  }

  @Test
  void sizeMismatchBetweenShapeAndOffsets() {
    rejects(file("{" + f32("w", "[2,3]", 0, 20) + "}", 20),
        "tensor \"w\"", "[2, 3] of F32 needs 24 bytes", "[0, 20] span 20");
  }

  @Test
  void beginAfterEnd() {
    rejects(file("{" + f32("w", "[1]", 8, 4) + "}", 8), "tensor \"w\"", "begin > end");
  }

  @Test
  void elementCountOverflow() {
    rejects(file("{" + f32("x", "[2147483647,2147483647,2147483647]", 0, 8) + "}", 8),
        "tensor \"x\"", "more than 9223372036854775807 elements");
    rejects(file("{\"x\":{\"dtype\":\"F64\",\"shape\":[2147483647,2147483647,2],"
        + "\"data_offsets\":[0,8]}}", 8), "needs more than 9223372036854775807 bytes");
    rejects(file("{" + f32("x", "[4294967296]", 0, 8) + "}", 8), "exceeds 2147483647");
  }

  @Test
  void badNumbers() {
    rejects(file("{" + f32("x", "[-1]", 0, 0) + "}", 0), "shape[0] must be a non-negative");
    rejects(file("{\"x\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4.0]}}", 4),
        "data_offsets[1] must be a non-negative integer", "4.0");
    rejects(file("{\"x\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,1e999999999]}}", 4),
        "1e999999999");
    rejects(file("{\"x\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,"
        + "99999999999999999999]}}", 4), "below 2^63");
    rejects(file("{\"x\":{\"dtype\":\"F32\",\"shape\":[\"1\"],\"data_offsets\":[0,4]}}", 4),
        "shape[0] must be a non-negative integer, found the string \"1\"");
  }

  @Test
  void badJson() {
    rejects(file("", 0), "not valid", "unexpected end of input");
    rejects(file("{\"a\":", 0), "invalid JSON at byte 5");
    rejects(file("{'a':1}", 0), "expected a string key");
    rejects(file("{\"a\":{},}", 0), "expected a string key");
    rejects(file("{} x", 0), "after the end of the JSON value");
    rejects(file("{\"a\":tru}", 0), "expected true");
    rejects(file("{\"a\":\"x\ny\"}", 0), "control character");
    rejects(file("{\"a\":\"\\ud800\"}", 0), "lone high surrogate");
    rejects(file("{\"a\":007}", 0), "expected ',' or '}'");
    rejects(file("[".repeat(100_000), 0), "nesting deeper than 16");
    byte[] invalidUtf8 = {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};
    rejects(file(invalidUtf8.length, invalidUtf8, 0), "not valid UTF-8");
  }

  @Test
  void wrongStructure() {
    rejects(file("[]", 0), "must be a JSON object, found an array");
    rejects(file("{\"a\":5}", 0), "tensor \"a\" must be an object", "the number 5");
    rejects(file("{\"a\":{\"dtype\":\"F32\",\"data_offsets\":[0,0]}}", 0),
        "tensor \"a\": missing field \"shape\"");
    rejects(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0,0,0]}}", 0),
        "data_offsets must be [begin, end], found 3 values");
    rejects(file("{\"__metadata__\":{\"k\":1}}", 0), "metadata value of \"k\" must be a string");
    rejects(file("{\"__metadata__\":[]}", 0), "\"__metadata__\" must be an object");
  }

  @Test
  void unknownDtype() {
    rejects(file("{\"a\":{\"dtype\":\"F17\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4),
        "tensor \"a\"", "unknown or unsupported dtype \"F17\"", "F32", "I64");
  }

  @Test
  void duplicateKeys() {
    String entry = f32("a", "[1]", 0, 4);
    rejects(file("{" + entry + "," + entry + "}", 4), "duplicate key \"a\"");
    rejects(file("{\"__metadata__\":{\"k\":\"1\",\"k\":\"2\"}}", 0), "duplicate key \"k\"");
  }

  @Test
  void knownButUnconvertedDtypeFailsOnlyOnAccess() {
    byte[] bytes = file("{\"flags\":{\"dtype\":\"BOOL\",\"shape\":[3],\"data_offsets\":[0,3]},"
        + f32("w", "[1]", 3, 7) + "}", 7);
    SafetensorsContent st = Safetensors.read(bytes, NAME);
    assertThat(st.tensor("w").data()).containsExactly(0f);
    assertThatThrownBy(() -> st.tensor("flags"))
        .hasMessageContainingAll("tensor \"flags\" is BOOL", "expected one of [F32");
    assertThatThrownBy(() -> st.ints("w")).hasMessageContaining("is F32, expected one of [I32]");
    assertThatThrownBy(() -> st.tensor("nope")).hasMessageContaining("no tensor named \"nope\"");
  }

  @Test
  void hostileCasesAllocateLittle() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported()
        && threads.isThreadAllocatedMemoryEnabled());
    List<byte[]> cases = hostileCases();
    for (byte[] c : cases) { // warm up class loading and JIT
      tryRead(c);
    }
    for (byte[] c : cases) {
      long before = threads.getCurrentThreadAllocatedBytes();
      tryRead(c);
      long allocated = threads.getCurrentThreadAllocatedBytes() - before;
      assertThat(allocated).as("bytes allocated rejecting a %d-byte file", c.length)
          .isLessThan(2L << 20);
    }
  }

  private static void tryRead(byte[] bytes) {
    try {
      Safetensors.read(bytes, NAME);
      fail("expected a format error");
    } catch (SafetensorsFormatException expected) {
      // fine
    }
  }

  @Test
  void randomCorruptionOnlyEverRaisesFormatErrors() {
    byte[] good = Fixtures.bytes("torch_lstm.safetensors");
    int headerEnd = 8 + (int) ByteBuffer.wrap(good).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
    Random random = new Random(42);
    int accepted = 0;
    for (int i = 0; i < 2000; i++) {
      byte[] bad;
      if (i % 10 == 0) {
        bad = Arrays.copyOf(good, random.nextInt(good.length));
      } else {
        bad = good.clone();
        for (int k = 1 + random.nextInt(3); k > 0; k--) {
          int at = i % 3 == 0 ? random.nextInt(8) : random.nextInt(headerEnd);
          bad[at] = (byte) (i % 2 == 0 ? random.nextInt(256) : "{}[],:\"0 ".charAt(
              random.nextInt(9)));
        }
      }
      try {
        SafetensorsContent st = Safetensors.read(bad, NAME);
        for (String name : st.names()) {
          st.info(name);
        }
        accepted++;
      } catch (SafetensorsFormatException expected) {
        assertThat(expected.getMessage()).startsWith(NAME + ":");
      }
    }
    assertThat(accepted).isLessThan(2000);
  }
}
