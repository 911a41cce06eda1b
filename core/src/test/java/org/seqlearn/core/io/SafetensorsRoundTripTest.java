package org.seqlearn.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlearn.core.Tensor;

/** Everything the writer can produce reads back unchanged. */
class SafetensorsRoundTripTest {

  @TempDir Path dir;

  private static SafetensorsWriter everyDtype() {
    return Safetensors.writer()
        .put("weight", Tensor.fromArray(new float[] {1.5f, -0f, Float.MIN_VALUE, Float.NaN,
            Float.POSITIVE_INFINITY, -3e38f}, 2, 3))
        .put("scalar", Tensor.scalar(42.25f))
        .put("empty", Tensor.zeros(0, 4))
        .putDoubles("f64", new double[] {Math.PI, -1e300, Double.MIN_VALUE}, 3)
        .putInts("i32", new int[] {Integer.MIN_VALUE, -1, 0, Integer.MAX_VALUE}, 2, 2)
        .putLongs("i64", new long[] {Long.MIN_VALUE, 1L << 53 | 1, Long.MAX_VALUE}, 3, 1)
        .metadata("format", "pt")
        .metadata("note", "quote \" backslash \\ newline \n ctl \u0001 ünï 😀")
        .metadata("\u00e9t\u00e9", "");
  }

  @Test
  void roundTripsAllDtypesAndMetadataThroughAFile() throws IOException {
    Path file = dir.resolve("all.safetensors");
    everyDtype().write(file);
    SafetensorsContent st = Safetensors.read(file);

    assertThat(st.names()).containsExactly("empty", "f64", "i32", "i64", "scalar", "weight");
    assertThat(st.dtype("weight")).isEqualTo(DType.F32);
    assertThat(st.shape("weight")).containsExactly(2, 3);
    assertThat(st.tensor("weight").data()).usingElementComparator(Float::compare)
        .containsExactly(1.5f, -0f, Float.MIN_VALUE, Float.NaN, Float.POSITIVE_INFINITY, -3e38f);
    assertThat(st.tensor("scalar").rank()).isZero();
    assertThat(st.tensor("scalar").item()).isEqualTo(42.25f);
    assertThat(st.tensor("empty").shape()).containsExactly(0, 4);
    assertThat(st.doubles("f64")).containsExactly(Math.PI, -1e300, Double.MIN_VALUE);
    assertThat(st.tensor("f64").data()).containsExactly((float) Math.PI, Float.NEGATIVE_INFINITY,
        0f);
    assertThat(st.ints("i32")).containsExactly(Integer.MIN_VALUE, -1, 0, Integer.MAX_VALUE);
    assertThat(st.shape("i32")).containsExactly(2, 2);
    assertThat(st.longs("i64")).containsExactly(Long.MIN_VALUE, 1L << 53 | 1, Long.MAX_VALUE);
    assertThat(st.shape("i64")).containsExactly(3, 1);
    assertThat(st.metadata()).containsOnly(
        Map.entry("format", "pt"),
        Map.entry("note", "quote \" backslash \\ newline \n ctl \u0001 ünï 😀"),
        Map.entry("\u00e9t\u00e9", ""));
    try (SafetensorsFile open = Safetensors.open(file)) {
      assertThat(open.longs("i64")).isEqualTo(st.longs("i64"));
      assertThat(open.info("f64").byteLength()).isEqualTo(24);
    }
  }

  @Test
  void outputIsDeterministicAndPadded() {
    byte[] a = everyDtype().toByteArray();
    byte[] b = everyDtype().toByteArray();
    assertThat(a).isEqualTo(b);
    long headerLength = ByteBuffer.wrap(a).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
    assertThat(headerLength % 8).isZero();
    String header = new String(a, 8, (int) headerLength, StandardCharsets.UTF_8);
    assertThat(header).startsWith("{\"__metadata__\":{\"format\":\"pt\",\"note\":");
    // reference layout: I64, F64, F32 (by name), I32
    assertThat(header.indexOf("\"i64\"")).isLessThan(header.indexOf("\"f64\""));
    assertThat(header.indexOf("\"f64\"")).isLessThan(header.indexOf("\"empty\""));
    assertThat(header.indexOf("\"weight\"")).isLessThan(header.indexOf("\"i32\""));
    assertThat(header).contains("ctl \\u0001 ").endsWith(" ");
  }

  @Test
  void mapConvenienceWriteAndEmptyFile() throws IOException {
    Path file = dir.resolve("map.safetensors");
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    tensors.put("b", Tensor.of(1, 2, 3));
    tensors.put("a", Tensor.arange(6).requiresGrad(true));
    Safetensors.write(file, tensors, Map.of());
    SafetensorsContent st = Safetensors.read(file);
    assertThat(st.names()).containsExactly("a", "b");
    assertThat(st.metadata()).isEmpty();
    assertThat(st.tensor("a").data()).containsExactly(0, 1, 2, 3, 4, 5);

    byte[] empty = Safetensors.writer().toByteArray();
    assertThat(empty).hasSize(16);
    assertThat(new String(empty, 8, 8, StandardCharsets.US_ASCII)).isEqualTo("{}      ");
    assertThat(Safetensors.read(empty, "empty").names()).isEmpty();
  }

  @Test
  void largeTensorCrossesChunkBoundaries() {
    float[] big = new float[(1 << 18) + 3];
    for (int i = 0; i < big.length; i++) {
      big[i] = i * 0.5f;
    }
    long[] longs = new long[(1 << 17) + 5];
    for (int i = 0; i < longs.length; i++) {
      longs[i] = (long) i << 33;
    }
    byte[] bytes = Safetensors.writer().putFloats("big", big, big.length)
        .putLongs("longs", longs, longs.length).toByteArray();
    SafetensorsContent st = Safetensors.read(bytes, "big");
    assertThat(st.tensor("big").data()).isEqualTo(big);
    assertThat(st.longs("longs")).isEqualTo(longs);
  }

  @Test
  void floatTensorsReturnsTheStateDictWithoutIntegers() {
    SafetensorsContent st = Safetensors.read(everyDtype().toByteArray(), "all");
    Map<String, Tensor> floats = st.floatTensors();
    assertThat(floats.keySet()).containsExactly("empty", "f64", "scalar", "weight");
    assertThat(floats.get("scalar").item()).isEqualTo(42.25f);
  }

  @Test
  void closedFileFailsOnAccess() throws IOException {
    Path file = dir.resolve("c.safetensors");
    everyDtype().write(file);
    SafetensorsFile open = Safetensors.open(file);
    open.close();
    assertThat(open.names()).hasSize(6); // the header stays available
    assertThatThrownBy(() -> open.tensor("weight")).isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("cannot read tensor \"weight\"");
  }

  /** A sparse file of 8 GB: the header is valid, but no Java array holds the tensor. */
  @Test
  void tensorsTooLargeForAnArrayFailBeforeAllocating() throws IOException {
    long bytes = 4L << 31; // F32 [2^31]
    String json = "{\"huge\":{\"dtype\":\"F32\",\"shape\":[65536,32768],"
        + "\"data_offsets\":[0," + bytes + "]}}";
    byte[] header = SafetensorsHostileTest.file(json, 0);
    Path file = dir.resolve("sparse.safetensors");
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.write(header);
      raf.setLength(header.length + bytes);
    } catch (IOException e) {
      Assumptions.abort("no sparse 8 GB file here: " + e);
    }
    try (SafetensorsFile open = Safetensors.open(file)) {
      assertThat(open.info("huge").numel()).isEqualTo(1L << 31);
      assertThatThrownBy(() -> open.tensor("huge"))
          .hasMessageContaining("has 2147483648 elements, more than a Java array holds");
    }
    assertThatThrownBy(() -> Safetensors.read(file))
        .hasMessageContaining("too large to hold in one array; use Safetensors.open");
  }

  @Test
  void writerRejectsBadInput() {
    SafetensorsWriter w = Safetensors.writer().put("a", Tensor.of(1));
    assertThatThrownBy(() -> w.put("a", Tensor.of(2))).hasMessageContaining("already added");
    assertThatThrownBy(() -> w.putInts("b", new int[3], 2, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContainingAll("3 values", "[2, 2]", "4 elements");
    assertThatThrownBy(() -> w.put("__metadata__", Tensor.of(1)))
        .hasMessageContaining("invalid tensor name");
    assertThatThrownBy(() -> w.put("bad\ud800", Tensor.of(1)))
        .hasMessageContaining("unpaired surrogate U+D800");
    assertThatThrownBy(() -> w.metadata("k", "\udc00")).hasMessageContaining("U+DC00");
  }

  @Test
  void overwritingKeepsNothingOfTheOldFile() throws IOException {
    Path file = dir.resolve("w.safetensors");
    Safetensors.writer().putFloats("old", new float[1000], 1000).write(file);
    Safetensors.writer().putInts("new", new int[] {7}, 1).write(file);
    assertThat(Safetensors.read(file).names()).containsExactly("new");
    assertThat(Files.size(file)).isLessThan(200);
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }
}
