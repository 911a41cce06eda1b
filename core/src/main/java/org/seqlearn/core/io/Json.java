package org.seqlearn.core.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON parser (RFC 8259) for untrusted headers, working directly on UTF-8 bytes.
 *
 * <p>Objects become {@link LinkedHashMap}s (duplicate keys are an error), arrays {@link List}s,
 * strings {@link String}s, numbers {@link JsonNumber}s holding their text (so no huge number is
 * ever expanded), {@code true}/{@code false} {@link Boolean}s and {@code null} {@link #NULL}.
 * Nesting depth and the total number of values are limited, so hostile input cannot overflow the
 * stack or build an oversized tree. Errors are {@link IllegalArgumentException}s naming the byte
 * offset.
 */
public final class Json {

  /** The JSON {@code null}. */
  public static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };

  /** A JSON number, kept as its text. */
  public record JsonNumber(String text) {
    @Override
    public String toString() {
      return text;
    }
  }

  private final byte[] in;
  private final int end;
  private final int maxDepth;
  private final int maxValues;
  private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private int pos;
  private int values;

  private Json(byte[] in, int start, int end, int maxDepth, int maxValues) {
    this.in = in;
    this.pos = start;
    this.end = end;
    this.maxDepth = maxDepth;
    this.maxValues = maxValues;
  }

  /**
   * Parses one JSON value filling {@code bytes[start, end)}, surrounded only by whitespace.
   *
   * @param maxDepth how deeply arrays and objects may nest (the top level is depth 1)
   * @param maxValues how many values (of any kind, nested ones included) the text may hold
   */
  public static Object parse(byte[] bytes, int start, int end, int maxDepth, int maxValues) {
    Json p = new Json(bytes, start, end, maxDepth, maxValues);
    p.skipWhitespace();
    Object value = p.value(0);
    p.skipWhitespace();
    if (p.pos != end) {
      throw p.error("unexpected " + p.describe(p.pos) + " after the end of the JSON value");
    }
    return value;
  }

  private Object value(int depth) {
    if (++values > maxValues) {
      throw error("more than " + maxValues + " JSON values");
    }
    if (pos >= end) {
      throw error("unexpected end of input, expected a value");
    }
    byte b = in[pos];
    switch (b) {
      case '{':
        return object(depth + 1);
      case '[':
        return array(depth + 1);
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", NULL);
      default:
        if (b == '-' || (b >= '0' && b <= '9')) {
          return number();
        }
        throw error("expected a value, found " + describe(pos));
    }
  }

  private Map<String, Object> object(int depth) {
    checkDepth(depth);
    pos++; // {
    Map<String, Object> map = new LinkedHashMap<>();
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      return map;
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw error("expected a string key, found " + describe(pos));
      }
      int keyAt = pos;
      String key = string();
      skipWhitespace();
      expect(':');
      skipWhitespace();
      Object v = value(depth);
      if (map.put(key, v) != null) {
        pos = keyAt;
        throw error("duplicate key \"" + key + "\"");
      }
      skipWhitespace();
      byte b = peek();
      pos++;
      if (b == '}') {
        return map;
      }
      if (b != ',') {
        pos--;
        throw error("expected ',' or '}' in object, found " + describe(pos));
      }
    }
  }

  private List<Object> array(int depth) {
    checkDepth(depth);
    pos++; // [
    List<Object> list = new ArrayList<>();
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      return list;
    }
    while (true) {
      skipWhitespace();
      list.add(value(depth));
      skipWhitespace();
      byte b = peek();
      pos++;
      if (b == ']') {
        return list;
      }
      if (b != ',') {
        pos--;
        throw error("expected ',' or ']' in array, found " + describe(pos));
      }
    }
  }

  private String string() {
    pos++; // opening quote
    StringBuilder sb = null;
    int runStart = pos;
    while (true) {
      if (pos >= end) {
        throw error("unterminated string");
      }
      int b = in[pos] & 0xFF;
      if (b == '"') {
        String run = decode(runStart, pos);
        pos++;
        return sb == null ? run : sb.append(run).toString();
      }
      if (b < 0x20) {
        throw error("control character 0x" + Integer.toHexString(b) + " in string");
      }
      if (b == '\\') {
        if (sb == null) {
          sb = new StringBuilder();
        }
        sb.append(decode(runStart, pos));
        pos++;
        escape(sb);
        runStart = pos;
      } else {
        pos++;
      }
    }
  }

  private void escape(StringBuilder sb) {
    if (pos >= end) {
      throw error("unterminated escape");
    }
    byte e = in[pos++];
    switch (e) {
      case '"' -> sb.append('"');
      case '\\' -> sb.append('\\');
      case '/' -> sb.append('/');
      case 'b' -> sb.append('\b');
      case 'f' -> sb.append('\f');
      case 'n' -> sb.append('\n');
      case 'r' -> sb.append('\r');
      case 't' -> sb.append('\t');
      case 'u' -> {
        char c = hex4();
        if (Character.isHighSurrogate(c)) {
          if (pos + 1 < end && in[pos] == '\\' && in[pos + 1] == 'u') {
            pos += 2;
            char low = hex4();
            if (!Character.isLowSurrogate(low)) {
              throw error("high surrogate not followed by a low surrogate");
            }
            sb.append(c).append(low);
          } else {
            throw error("lone high surrogate \\u" + Integer.toHexString(c));
          }
        } else if (Character.isLowSurrogate(c)) {
          throw error("lone low surrogate \\u" + Integer.toHexString(c));
        } else {
          sb.append(c);
        }
      }
      default -> {
        pos--;
        throw error("invalid escape \\" + describe(pos));
      }
    }
  }

  private char hex4() {
    if (end - pos < 4) {
      throw error("truncated \\u escape");
    }
    int c = 0;
    for (int i = 0; i < 4; i++) {
      int d = Character.digit(in[pos], 16);
      if (d < 0 || in[pos] < 0) {
        throw error("invalid hex digit " + describe(pos) + " in \\u escape");
      }
      c = c * 16 + d;
      pos++;
    }
    return (char) c;
  }

  private String decode(int from, int to) {
    boolean ascii = true;
    for (int i = from; i < to && ascii; i++) {
      ascii = in[i] >= 0;
    }
    if (ascii) {
      return new String(in, from, to - from, StandardCharsets.ISO_8859_1);
    }
    try {
      CharBuffer chars = utf8.reset().decode(ByteBuffer.wrap(in, from, to - from));
      return chars.toString();
    } catch (CharacterCodingException e) {
      pos = from;
      throw error("string is not valid UTF-8");
    }
  }

  private JsonNumber number() {
    int start = pos;
    if (in[pos] == '-') {
      pos++;
    }
    if (pos < end && in[pos] == '0') {
      pos++;
    } else if (!digits()) {
      throw error("invalid number: expected a digit, found " + describe(pos));
    }
    if (pos < end && in[pos] == '.') {
      pos++;
      if (!digits()) {
        throw error("invalid number: expected a digit after '.', found " + describe(pos));
      }
    }
    if (pos < end && (in[pos] == 'e' || in[pos] == 'E')) {
      pos++;
      if (pos < end && (in[pos] == '+' || in[pos] == '-')) {
        pos++;
      }
      if (!digits()) {
        throw error("invalid number: expected a digit in the exponent, found " + describe(pos));
      }
    }
    return new JsonNumber(new String(in, start, pos - start, StandardCharsets.ISO_8859_1));
  }

  private boolean digits() {
    int start = pos;
    while (pos < end && in[pos] >= '0' && in[pos] <= '9') {
      pos++;
    }
    return pos > start;
  }

  private Object literal(String word, Object value) {
    for (int i = 0; i < word.length(); i++) {
      if (pos + i >= end || in[pos + i] != word.charAt(i)) {
        throw error("expected " + word + ", found " + describe(pos + i));
      }
    }
    pos += word.length();
    return value;
  }

  private void checkDepth(int depth) {
    if (depth > maxDepth) {
      throw error("nesting deeper than " + maxDepth + " levels");
    }
  }

  private void skipWhitespace() {
    while (pos < end && (in[pos] == ' ' || in[pos] == '\n' || in[pos] == '\r' || in[pos] == '\t')) {
      pos++;
    }
  }

  private byte peek() {
    if (pos >= end) {
      throw error("unexpected end of input");
    }
    return in[pos];
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "', found " + describe(pos));
    }
    pos++;
  }

  private String describe(int at) {
    if (at >= end) {
      return "end of input";
    }
    int b = in[at] & 0xFF;
    return b >= 0x20 && b < 0x7F ? "'" + (char) b + "'" : "byte 0x" + Integer.toHexString(b);
  }

  private IllegalArgumentException error(String message) {
    return new IllegalArgumentException("invalid JSON at byte " + pos + ": " + message);
  }
}
