package org.seqlearn.nlp.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FloatParserTest {

  private static float parse(String s) {
    byte[] b = ("#" + s + "#").getBytes(StandardCharsets.US_ASCII);
    return FloatParser.parse(b, 1, b.length - 1);
  }

  private static void same(String s) {
    assertThat(Float.floatToRawIntBits(parse(s))).as(s)
        .isEqualTo(Float.floatToRawIntBits(Float.parseFloat(s)));
  }

  @Test
  void agreesWithFloatParseFloatOnRandomLiterals() {
    Random rng = new Random(42);
    for (int i = 0; i < 3_000; i++) {
      float f = Float.intBitsToFloat(rng.nextInt());
      if (Float.isNaN(f) || Float.isInfinite(f)) {
        continue;
      }
      same(Float.toString(f));
      same(String.format(Locale.ROOT, "%.9e", f));
      same(String.format(Locale.ROOT, "%.12f", rng.nextGaussian()));
      same(String.format(Locale.ROOT, "%.17g", rng.nextGaussian() * 1e-3));
      same(Long.toString(rng.nextLong() % 100_000_000_000L) + "." + Math.abs(rng.nextInt()));
    }
  }

  @Test
  void roundsCorrectlyNextToFloatMidpoints() {
    Random rng = new Random(7);
    for (int i = 0; i < 1_000; i++) {
      float f = (float) rng.nextGaussian();
      BigDecimal mid = new BigDecimal(f).add(new BigDecimal(Math.nextUp(f)))
          .divide(BigDecimal.valueOf(2));
      BigDecimal ulp = new BigDecimal(Math.ulp(f));
      for (int k = -2; k <= 2; k++) {
        BigDecimal near = mid.add(ulp.multiply(BigDecimal.valueOf(k, 12)));
        same(near.round(new MathContext(17)).toString());
        same(near.round(new MathContext(30)).toString());
      }
      same(mid.toPlainString());
    }
  }

  @Test
  void specialValuesAndSigns() {
    assertThat(parse("-0")).isEqualTo(-0.0f);
    assertThat(Float.floatToRawIntBits(parse("-0.000"))).isEqualTo(0x80000000);
    assertThat(parse("nan")).isNaN();
    assertThat(parse("-INF")).isEqualTo(Float.NEGATIVE_INFINITY);
    assertThat(parse("Infinity")).isEqualTo(Float.POSITIVE_INFINITY);
    assertThat(parse("+1.5E+2")).isEqualTo(150f);
    assertThat(parse(".5")).isEqualTo(0.5f);
    assertThat(parse("5.")).isEqualTo(5f);
    assertThat(parse("1e-50")).isEqualTo(0f);
    assertThat(parse("1e50")).isEqualTo(Float.POSITIVE_INFINITY);
    same("1.4e-45");
    same("3.4028235e38");
    same("0.000000000000000000000000000000000000000000700649232162408535461864791");
    same("123456789012345678901234567890");
  }

  @Test
  void rejectsNonDecimalText() {
    for (String bad : new String[] {"", "-", ".", "e5", "1e", "1.5f", "0x1p3", "1,5", "abc",
        "1e+", "--1", "1.2.3"}) {
      assertThatThrownBy(() -> parse(bad)).as(bad).isInstanceOf(NumberFormatException.class);
    }
  }
}
