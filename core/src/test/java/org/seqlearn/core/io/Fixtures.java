package org.seqlearn.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Loads the fixtures written by {@code tools/gen_safetensors_fixtures.py} and their expected
 * values (see the script's header for the text format).
 */
final class Fixtures {

  /** One tensor's expected values: floats as doubles, integers as longs. */
  record Expected(String name, String dtype, int[] shape, double[] floats, long[] integers) {}

  private Fixtures() {}

  static byte[] bytes(String resource) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/safetensors/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource safetensors/" + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, Expected> tensors(String resource) {
    Map<String, Expected> out = new LinkedHashMap<>();
    for (String[] f : records(resource)) {
      if (!f[0].equals("tensor")) {
        continue;
      }
      int[] shape = f[3].isEmpty() ? new int[0]
          : Arrays.stream(f[3].split(",")).mapToInt(Integer::parseInt).toArray();
      String[] values = f[4].isEmpty() ? new String[0] : f[4].split(" ");
      boolean isFloat = f[2].startsWith("F") || f[2].startsWith("BF");
      double[] floats = new double[isFloat ? values.length : 0];
      long[] integers = new long[isFloat ? 0 : values.length];
      for (int i = 0; i < values.length; i++) {
        if (isFloat) {
          floats[i] = parseHexDouble(values[i]);
        } else {
          integers[i] = Long.parseLong(values[i]);
        }
      }
      out.put(f[1], new Expected(f[1], f[2], shape, floats, integers));
    }
    return out;
  }

  static Map<String, String> metadata(String resource) {
    Map<String, String> out = new TreeMap<>();
    HexFormat hex = HexFormat.of();
    for (String[] f : records(resource)) {
      if (f[0].equals("meta")) {
        out.put(new String(hex.parseHex(f[1]), StandardCharsets.UTF_8),
            new String(hex.parseHex(f[2]), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static List<String[]> records(String resource) {
    List<String[]> out = new ArrayList<>();
    for (String line : new String(bytes(resource), StandardCharsets.UTF_8).split("\n")) {
      if (!line.isEmpty()) {
        out.add(line.split("\t", -1));
      }
    }
    return out;
  }

  private static double parseHexDouble(String s) {
    return switch (s) {
      case "inf" -> Double.POSITIVE_INFINITY;
      case "-inf" -> Double.NEGATIVE_INFINITY;
      case "nan" -> Double.NaN;
      default -> Double.parseDouble(s);
    };
  }
}
