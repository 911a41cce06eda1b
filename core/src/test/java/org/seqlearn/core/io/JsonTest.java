package org.seqlearn.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The strict header parser accepts RFC 8259 JSON and nothing else. */
class JsonTest {

  private static Object parse(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    return Json.parse(b, 0, b.length, 16, 1000);
  }

  @Test
  void parsesAllValueKinds() {
    Object v = parse(" {\"a\": [1, -2.5e+3, 0], \"b\": {\"c\": true, \"d\": false, \"e\": null},"
        + " \"s\": \"x\"}\n\t ");
    assertThat(v).isInstanceOf(Map.class);
    Map<?, ?> m = (Map<?, ?>) v;
    assertThat(List.copyOf(m.keySet())).isEqualTo(List.of("a", "b", "s"));
    assertThat(m.get("a")).isEqualTo(List.of(new Json.JsonNumber("1"),
        new Json.JsonNumber("-2.5e+3"), new Json.JsonNumber("0")));
    Map<?, ?> b = (Map<?, ?>) m.get("b");
    assertThat(b.get("c")).isEqualTo(Boolean.TRUE);
    assertThat(b.get("d")).isEqualTo(Boolean.FALSE);
    assertThat(b.get("e")).isSameAs(Json.NULL);
    assertThat(parse("[]")).isEqualTo(List.of());
    assertThat(parse("{}")).isEqualTo(Map.of());
  }

  @Test
  void decodesEscapesSurrogatePairsAndRawUtf8() {
    assertThat(parse("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9 \\ud83d\\ude00 ü😀\""))
        .isEqualTo("q\" b\\ s/ \b\f\n\r\t é 😀 ü😀");
  }

  @Test
  void rejectsNonStrictInput() {
    String[] bad = {"", "{", "[1,]", "[01]", "[1.]", "[.5]", "[+1]", "[1e]", "[-]", "{\"a\"}",
        "{\"a\":1 \"b\":2}", "[\"\\x\"]", "[\"\\u12G4\"]", "[\"\\udc00\"]", "[\"\\ud800\\u0041\"]",
        "[NaN]", "[Infinity]", "[nul]", "{} {}", "\"a", "[\"\t\"]", "{\"a\":1,\"a\":2}"};
    for (String s : bad) {
      assertThatThrownBy(() -> parse(s)).as(s).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("invalid JSON at byte ");
    }
  }

  @Test
  void limitsDepthAndValueCount() {
    assertThat(parse("[".repeat(16) + "]".repeat(16))).isInstanceOf(List.class);
    assertThatThrownBy(() -> parse("[".repeat(17) + "]".repeat(17)))
        .hasMessageContaining("nesting deeper than 16");
    StringBuilder many = new StringBuilder("[0");
    many.append(",0".repeat(1000)).append(']');
    assertThatThrownBy(() -> parse(many.toString())).hasMessageContaining("more than 1000");
  }
}
