package org.seqlearn.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads the arrays written by {@code tools/gen_audio_fixtures.py} (int32 ndim, int32 dims, float32
 * data, little-endian) and compares results with them.
 */
public final class Fixtures {
  private Fixtures() {}

  /** A fixture array: shape and row-major data. */
  public record Array(int[] shape, float[] data) {
    public int dim(int i) {
      return shape[i];
    }
  }

  public static byte[] bytes(String rel) {
    String res = "/org/seqlearn/audio/fixtures/" + rel;
    try (InputStream in = Fixtures.class.getResourceAsStream(res)) {
      if (in == null) {
        throw new IllegalStateException(
            "missing fixture " + res + "; run tools/gen_audio_fixtures.py");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path path(String rel) {
    try {
      return Path.of(Fixtures.class.getResource("/org/seqlearn/audio/fixtures/" + rel).toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Array load(String name) {
    ByteBuffer b = ByteBuffer.wrap(bytes(name + ".bin")).order(ByteOrder.LITTLE_ENDIAN);
    int nd = b.getInt();
    int[] shape = new int[nd];
    int count = 1;
    for (int i = 0; i < nd; i++) {
      shape[i] = b.getInt();
      count *= shape[i];
    }
    float[] data = new float[count];
    b.asFloatBuffer().get(data);
    return new Array(shape, data);
  }

  public static float[] signal(String name) {
    return load("signals/" + name).data();
  }

  /**
   * Asserts {@code |got − ref| ≤ rtol·(|ref| + max|ref|·floor)} elementwise: relative error, with
   * entries far below the array's peak judged relative to {@code floor·peak} (float32 rounding of
   * near-zero values is meaningless relative to themselves). Returns the worst {@code |got − ref| /
   * (|ref| + floor·max|ref|)}, which the assertion keeps ≤ rtol.
   */
  public static double assertClose(
      String what, float[] got, float[] ref, double rtol, double floor) {
    assertThat(got.length).as(what + " length").isEqualTo(ref.length);
    double peak = 0;
    for (float v : ref) {
      peak = Math.max(peak, Math.abs(v));
    }
    double worst = 0;
    for (int i = 0; i < ref.length; i++) {
      double err = Math.abs(got[i] - ref[i]);
      double allowed = rtol * (Math.abs(ref[i]) + peak * floor);
      if (!(err <= allowed)) {
        throw new AssertionError(
            what
                + ": element "
                + i
                + " got "
                + got[i]
                + " expected "
                + ref[i]
                + " (err "
                + err
                + " > "
                + allowed
                + ")");
      }
      worst = Math.max(worst, err / (Math.abs(ref[i]) + peak * floor));
    }
    return worst;
  }

  /** {@link #assertClose} with rtol 1e-4 and a floor of 1e-3 of the peak. */
  public static double assertClose(String what, float[] got, float[] ref) {
    return assertClose(what, got, ref, 1e-4, 1e-3);
  }

  public static float[] flatten(float[][] a) {
    int n = 0;
    for (float[] r : a) {
      n += r.length;
    }
    float[] out = new float[n];
    int p = 0;
    for (float[] r : a) {
      System.arraycopy(r, 0, out, p, r.length);
      p += r.length;
    }
    return out;
  }

  public static String shape(int[] s) {
    return Arrays.toString(s);
  }
}
