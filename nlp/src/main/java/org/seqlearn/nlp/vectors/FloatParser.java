package org.seqlearn.nlp.vectors;

import java.nio.charset.StandardCharsets;

/**
 * Parses decimal float32 literals straight from UTF-8 bytes, correctly rounded (the same result
 * as {@link Float#parseFloat}). Common literals ({@code -0.12345678}, {@code 1.5e-3}) take an
 * exact fast path (Clinger: an integer mantissa below 2^53 scaled by an exactly representable
 * power of ten); anything else falls back to {@link Float#parseFloat}. Accepts {@code [+-]digits
 * [.digits][(e|E)[+-]digits]} and {@code nan}/{@code inf}/{@code infinity} in any case; rejects
 * everything else (no hex, no {@code f}/{@code d} suffixes).
 */
final class FloatParser {

  private static final double[] POW10 = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p;
      p *= 10;
    }
  }

  private FloatParser() {}

  /**
   * Parses {@code bytes[from, to)}.
   *
   * @throws NumberFormatException if the bytes are not a decimal number
   */
  static float parse(byte[] bytes, int from, int to) {
    int i = from;
    boolean negative = false;
    if (i < to && (bytes[i] == '-' || bytes[i] == '+')) {
      negative = bytes[i] == '-';
      i++;
    }
    if (i < to && isLetter(bytes[i])) {
      return special(bytes, from, i, to, negative);
    }
    long mantissa = 0;
    int significant = 0;
    int exponent = 0;
    int digits = 0;
    boolean exact = true;
    for (; i < to && isDigit(bytes[i]); i++, digits++) {
      if (significant < 18) {
        mantissa = mantissa * 10 + (bytes[i] - '0');
        if (mantissa != 0) {
          significant++;
        }
      } else {
        exact = false;
        exponent++;
      }
    }
    if (i < to && bytes[i] == '.') {
      i++;
      for (; i < to && isDigit(bytes[i]); i++, digits++) {
        if (significant < 18) {
          mantissa = mantissa * 10 + (bytes[i] - '0');
          if (mantissa != 0) {
            significant++;
          }
          exponent--;
        } else {
          exact = false;
        }
      }
    }
    if (digits == 0) {
      throw bad(bytes, from, to);
    }
    if (i < to && (bytes[i] == 'e' || bytes[i] == 'E')) {
      i++;
      boolean negativeExponent = false;
      if (i < to && (bytes[i] == '-' || bytes[i] == '+')) {
        negativeExponent = bytes[i] == '-';
        i++;
      }
      int start = i;
      int e = 0;
      for (; i < to && isDigit(bytes[i]); i++) {
        if (e < 100_000) {
          e = e * 10 + (bytes[i] - '0');
        }
      }
      if (i == start) {
        throw bad(bytes, from, to);
      }
      exponent += negativeExponent ? -e : e;
    }
    if (i != to) {
      throw bad(bytes, from, to);
    }
    if (mantissa == 0 && exact) {
      return negative ? -0.0f : 0.0f;
    }
    if (exact && mantissa < (1L << 53) && exponent >= -22 && exponent <= 22) {
      double d = exponent < 0 ? mantissa / POW10[-exponent] : mantissa * POW10[exponent];
      float f = (float) d;
      if (f == d || !isFloatMidpoint(d, f)) {
        return negative ? -f : f;
      }
    }
    return Float.parseFloat(new String(bytes, from, to - from, StandardCharsets.US_ASCII));
  }

  /** Whether {@code d} is exactly halfway between {@code f} and its neighbour. */
  private static boolean isFloatMidpoint(double d, float f) {
    float other = d > f ? Math.nextUp(f) : Math.nextDown(f);
    return ((double) f + (double) other) / 2 == d;
  }

  private static float special(byte[] bytes, int from, int i, int to, boolean negative) {
    String word = new String(bytes, i, to - i, StandardCharsets.US_ASCII).toLowerCase(
        java.util.Locale.ROOT);
    switch (word) {
      case "nan":
        return Float.NaN;
      case "inf":
      case "infinity":
        return negative ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
      default:
        throw bad(bytes, from, to);
    }
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  private static boolean isLetter(byte b) {
    return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
  }

  private static NumberFormatException bad(byte[] bytes, int from, int to) {
    return new NumberFormatException("not a number: '"
        + new String(bytes, from, Math.min(to - from, 64), StandardCharsets.UTF_8) + "'");
  }
}
