package org.seqlearn.audio.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * 256-entry colour maps taken from matplotlib's tables by {@code tools/gen_audio_colormaps.py}:
 * viridis (matplotlib's default), magma, inferno and gray.
 */
public enum ColorMap {
  VIRIDIS,
  MAGMA,
  INFERNO,
  GRAY;

  private volatile int[] table;

  /** The RGB colour ({@code 0xRRGGBB}) for {@code v} in [0, 1] (clamped; NaN maps to 0). */
  public int rgb(double v) {
    int[] t = table();
    double c = Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    return t[(int) Math.round(c * 255)];
  }

  private int[] table() {
    int[] t = table;
    if (t == null) {
      String res = name().toLowerCase(Locale.ROOT) + ".rgb";
      try (InputStream in = ColorMap.class.getResourceAsStream(res)) {
        if (in == null) {
          throw new IllegalStateException("missing colour map resource " + res);
        }
        byte[] b = in.readAllBytes();
        if (b.length != 768) {
          throw new IllegalStateException(
              "colour map " + res + " must be 768 bytes, got " + b.length);
        }
        t = new int[256];
        for (int i = 0; i < 256; i++) {
          t[i] = (b[3 * i] & 0xFF) << 16 | (b[3 * i + 1] & 0xFF) << 8 | (b[3 * i + 2] & 0xFF);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      table = t;
    }
    return t;
  }

  /** Parses a name case-insensitively. */
  public static ColorMap parse(String s) {
    try {
      return valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "colour map must be viridis, magma, inferno or gray; got '" + s + "'", e);
    }
  }
}
