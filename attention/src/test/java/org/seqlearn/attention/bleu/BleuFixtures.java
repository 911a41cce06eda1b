package org.seqlearn.attention.bleu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;

/** Reads the fixtures written by tools/gen_bleu_fixtures.py (see its docstring for the format). */
final class BleuFixtures {
  private BleuFixtures() {}

  /** One block: its name and its lines as (key, rest) in file order. */
  record Case(String name, List<String[]> lines) {
    String get(String key) {
      for (String[] kv : lines) {
        if (kv[0].equals(key)) {
          return kv[1];
        }
      }
      throw new IllegalArgumentException(name + ": no '" + key + "'");
    }

    List<String> all(String key) {
      List<String> out = new ArrayList<>();
      for (String[] kv : lines) {
        if (kv[0].equals(key)) {
          out.add(kv[1]);
        }
      }
      return out;
    }

    double[] doubles(String key) {
      String v = get(key).trim();
      if (v.isEmpty()) {
        return new double[0];
      }
      String[] parts = v.split(" ");
      double[] out = new double[parts.length];
      for (int i = 0; i < parts.length; i++) {
        out[i] = Double.parseDouble(parts[i]);
      }
      return out;
    }
  }

  static List<Case> read(String resource) {
    try (InputStream in = BleuFixtures.class.getResourceAsStream("/bleu/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture /bleu/" + resource);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      List<Case> cases = new ArrayList<>();
      List<String[]> current = null;
      for (String line : text.split("\n", -1)) {
        if (line.startsWith("#") || line.isEmpty()) {
          continue;
        }
        int sp = line.indexOf(' ');
        String key = sp < 0 ? line : line.substring(0, sp);
        String rest = sp < 0 ? "" : line.substring(sp + 1);
        if (key.equals("case")) {
          current = new ArrayList<>();
          cases.add(new Case(rest, current));
        } else {
          current.add(new String[] {key, rest});
        }
      }
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Tokens separated by single spaces; "" is no token. */
  static List<String> tokens(String s) {
    return s.isEmpty() ? List.of() : List.of(s.split(" ", -1));
  }

  /** A JSON string literal as Python's json.dumps(ensure_ascii=True) writes it. */
  static String unquote(String q) {
    if (q.length() < 2 || q.charAt(0) != '"' || q.charAt(q.length() - 1) != '"') {
      throw new IllegalArgumentException("not a JSON string: " + q);
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i < q.length() - 1; i++) {
      char c = q.charAt(i);
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char e = q.charAt(++i);
      switch (e) {
        case 'n' -> sb.append('\n');
        case 't' -> sb.append('\t');
        case 'r' -> sb.append('\r');
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'u' -> {
          sb.append((char) Integer.parseInt(q.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> sb.append(e);
      }
    }
    return sb.toString();
  }

  /** A relative tolerance of 1e-12 around {@code expected} (exact for 0). */
  static Offset<Double> near(double expected) {
    return Offset.offset(Math.abs(expected) * 1e-12);
  }
}
