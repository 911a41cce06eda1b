package org.seqlearn.attention.bleu;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's notion of whitespace, which both NLTK's and sacreBLEU's pipelines inherit through
 * {@code str.split()} and {@code str.rstrip()}: code points U+0009–U+000D, U+001C–U+001F, space,
 * U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F and U+3000. It differs
 * from {@link Character#isWhitespace} (which excludes the no-break spaces U+00A0, U+2007, U+202F
 * and includes nothing else), so tokens split here are the tokens the references split.
 */
public final class PythonText {
  private PythonText() {}

  /** Whether Python's {@code str.isspace()} holds for this code point. */
  public static boolean isSpace(int cp) {
    if (cp <= 0x20) {
      return cp == 0x20 || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F);
    }
    if (cp < 0x85) {
      return false;
    }
    return cp == 0x85
        || cp == 0xA0
        || cp == 0x1680
        || (cp >= 0x2000 && cp <= 0x200A)
        || cp == 0x2028
        || cp == 0x2029
        || cp == 0x202F
        || cp == 0x205F
        || cp == 0x3000;
  }

  /** Python's {@code s.split()}: the maximal runs of non-whitespace code points. */
  public static List<String> split(CharSequence s) {
    List<String> out = new ArrayList<>();
    int n = s.length();
    int i = 0;
    while (i < n) {
      while (i < n && isSpace(s.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !isSpace(s.charAt(i))) {
        i++;
      }
      if (i > start) {
        out.add(s.subSequence(start, i).toString());
      }
    }
    return out;
  }

  /** Python's {@code s.rstrip()}: {@code s} without its trailing whitespace. */
  public static String rstrip(String s) {
    int end = s.length();
    while (end > 0 && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }
}
