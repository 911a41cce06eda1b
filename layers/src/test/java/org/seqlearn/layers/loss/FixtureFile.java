package org.seqlearn.layers.loss;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.seqlearn.core.IntTensor;
import org.seqlearn.core.Tensor;

/**
 * Reads the text fixtures written by {@code tools/gen_loss_fixtures.py} and {@code
 * tools/gen_optim_fixtures.py}: blocks starting with {@code case <name>}, then lines {@code <key>
 * <f|i|s> <shape or -> <values...>}.
 */
public final class FixtureFile {

  /** One named case: its entries by key. */
  public static final class Case {
    public final String name;
    private final Map<String, String[]> values = new LinkedHashMap<>();
    private final Map<String, int[]> shapes = new LinkedHashMap<>();

    Case(String name) {
      this.name = name;
    }

    public boolean has(String key) {
      return values.containsKey(key);
    }

    private String[] raw(String key) {
      String[] v = values.get(key);
      if (v == null) {
        fail("fixture case " + name + " has no entry '" + key + "'");
      }
      return v;
    }

    public int[] shape(String key) {
      raw(key);
      return shapes.get(key).clone();
    }

    public double[] doubles(String key) {
      String[] v = raw(key);
      double[] out = new double[v.length];
      for (int i = 0; i < v.length; i++) {
        out[i] = parse(v[i]);
      }
      return out;
    }

    public float[] floats(String key) {
      double[] d = doubles(key);
      float[] out = new float[d.length];
      for (int i = 0; i < d.length; i++) {
        out[i] = (float) d[i];
      }
      return out;
    }

    public double scalar(String key) {
      return doubles(key)[0];
    }

    public int[] ints(String key) {
      String[] v = raw(key);
      int[] out = new int[v.length];
      for (int i = 0; i < v.length; i++) {
        out[i] = Integer.parseInt(v[i]);
      }
      return out;
    }

    public int integer(String key) {
      return ints(key)[0];
    }

    public String string(String key) {
      return raw(key)[0];
    }

    public Tensor tensor(String key) {
      return Tensor.wrap(floats(key), shape(key));
    }

    public IntTensor intTensor(String key) {
      return IntTensor.of(ints(key), shape(key));
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private FixtureFile() {}

  private static double parse(String s) {
    switch (s) {
      case "inf":
        return Double.POSITIVE_INFINITY;
      case "-inf":
        return Double.NEGATIVE_INFINITY;
      case "nan":
        return Double.NaN;
      default:
        return Double.parseDouble(s);
    }
  }

  /** All cases of a classpath resource, in file order. */
  public static List<Case> load(String resource) {
    InputStream in = FixtureFile.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing test resource " + resource);
    }
    List<Case> cases = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in,
        StandardCharsets.UTF_8))) {
      Case current = null;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        line = line.trim();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\\s+");
        if (parts[0].equals("case")) {
          current = new Case(parts[1]);
          cases.add(current);
          continue;
        }
        int[] shape = new int[0];
        if (!parts[2].equals("-")) {
          String[] dims = parts[2].split(",");
          shape = new int[dims.length];
          for (int d = 0; d < dims.length; d++) {
            shape[d] = Integer.parseInt(dims[d]);
          }
        }
        String[] vals = new String[parts.length - 3];
        System.arraycopy(parts, 3, vals, 0, vals.length);
        current.values.put(parts[0], vals);
        current.shapes.put(parts[0], shape);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cases;
  }

  /** Looks up a case by name. */
  public static Case find(List<Case> cases, String name) {
    for (Case c : cases) {
      if (c.name.equals(name)) {
        return c;
      }
    }
    throw new IllegalStateException("no fixture case " + name);
  }

  /**
   * Asserts {@code |actual - expected| <= rtol * |expected| + atol} element-wise (infinities must
   * match exactly; NaN matches NaN).
   */
  public static void assertClose(String what, float[] actual, double[] expected, double rtol,
      double atol) {
    if (actual.length != expected.length) {
      fail(what + ": expected " + expected.length + " values, got " + actual.length);
    }
    for (int i = 0; i < actual.length; i++) {
      double a = actual[i];
      double e = expected[i];
      boolean ok = Double.isNaN(e) ? Double.isNaN(a)
          : Double.isInfinite(e) ? a == e : Math.abs(a - e) <= rtol * Math.abs(e) + atol;
      if (!ok) {
        fail(String.format("%s[%d]: expected %.9g, got %.9g (rtol %.1g, atol %.1g)", what, i, e,
            a, rtol, atol));
      }
    }
  }
}
