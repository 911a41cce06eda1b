package org.seqlearn.layers.recurrent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.seqlearn.core.Tensor;

/** A PyTorch reference case written by {@code tools/gen_recurrent_fixtures.py}. */
final class RecurrentFixture {

  final String name;
  final Map<String, String> meta = new LinkedHashMap<>();
  final Map<String, int[]> shapes = new LinkedHashMap<>();
  final Map<String, double[]> values = new LinkedHashMap<>();

  private RecurrentFixture(String name) {
    this.name = name;
  }

  static RecurrentFixture load(String name) {
    RecurrentFixture f = new RecurrentFixture(name);
    String resource = "/recurrent/" + name + ".txt";
    try (InputStream in = RecurrentFixture.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        if (line.startsWith("@")) {
          int sp = line.indexOf(' ');
          f.meta.put(line.substring(1, sp), line.substring(sp + 1));
          continue;
        }
        String[] head = line.trim().split(" ");
        int[] shape = new int[head.length - 1];
        for (int i = 1; i < head.length; i++) {
          shape[i - 1] = Integer.parseInt(head[i]);
        }
        String[] vals = r.readLine().trim().split(" ");
        double[] v = new double[vals.length];
        for (int i = 0; i < v.length; i++) {
          v[i] = Double.parseDouble(vals[i]);
        }
        f.shapes.put(head[0], shape);
        f.values.put(head[0], v);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return f;
  }

  int metaInt(String key) {
    return Integer.parseInt(meta.get(key));
  }

  int[] lengths() {
    String s = meta.get("lengths");
    if (s == null) {
      return null;
    }
    String[] p = s.split(",");
    int[] out = new int[p.length];
    for (int i = 0; i < p.length; i++) {
      out[i] = Integer.parseInt(p[i]);
    }
    return out;
  }

  boolean has(String key) {
    return values.containsKey(key);
  }

  /** The named tensor as float32 (exact for inputs and weights, which PyTorch drew as float32). */
  Tensor tensor(String key) {
    double[] v = values.get(key);
    if (v == null) {
      throw new IllegalArgumentException(name + ": no tensor " + key);
    }
    float[] d = new float[v.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) v[i];
    }
    return Tensor.wrap(d, shapes.get(key));
  }

  /** Parameters by PyTorch key (without the {@code param.} prefix). */
  Map<String, Tensor> parameters() {
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (String k : values.keySet()) {
      if (k.startsWith("param.")) {
        out.put(k.substring("param.".length()), tensor(k));
      }
    }
    return out;
  }
}
