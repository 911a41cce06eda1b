package org.seqlearn.attention.bleu;

import java.util.List;

/**
 * sacreBLEU's default {@code 13a} tokenizer, the tokenisation of WMT's mteval-v13a.pl: drop
 * {@code <skipped>}, join "-" line breaks, unescape {@code &quot; &amp; &lt; &gt;}, then split
 * off ASCII punctuation and symbols except {@code ' , - .}; split off "." and "," unless between
 * digits, and "-" after a digit.
 *
 * <p>sacreBLEU applies four regular expressions in turn; here each is one left-to-right pass over
 * the characters with the same non-overlapping match rule, so the tokens are the same and no
 * regular expression runs. Only ASCII characters are ever split off.
 */
final class Tokenizer13a implements BleuTokenizer {
  static final Tokenizer13a INSTANCE = new Tokenizer13a();

  private Tokenizer13a() {}

  @Override
  public List<String> tokenize(String line) {
    String s = line.replace("<skipped>", "").replace("-\n", "").replace("\n", " ");
    if (s.indexOf('&') >= 0) {
      s = s.replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
    }
    StringBuilder a = new StringBuilder(s.length() * 2 + 2);
    a.append(' ');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isSplitSymbol(c)) {
        a.append(' ').append(c).append(' ');
      } else {
        a.append(c);
      }
    }
    a.append(' ');
    // ([^0-9])([\.,]) -> "\1 \2 "
    StringBuilder b = new StringBuilder(a.length() + 16);
    int n = a.length();
    for (int i = 0; i < n; i++) {
      char c = a.charAt(i);
      if (!isDigit(c) && i + 1 < n && isPeriodOrComma(a.charAt(i + 1))) {
        b.append(c).append(' ').append(a.charAt(i + 1)).append(' ');
        i++;
      } else {
        b.append(c);
      }
    }
    // ([\.,])([^0-9]) -> " \1 \2"
    StringBuilder d = new StringBuilder(b.length() + 16);
    n = b.length();
    for (int i = 0; i < n; i++) {
      char c = b.charAt(i);
      if (isPeriodOrComma(c) && i + 1 < n && !isDigit(b.charAt(i + 1))) {
        d.append(' ').append(c).append(' ').append(b.charAt(i + 1));
        i++;
      } else {
        d.append(c);
      }
    }
    // ([0-9])(-) -> "\1 \2 "
    StringBuilder e = new StringBuilder(d.length() + 16);
    n = d.length();
    for (int i = 0; i < n; i++) {
      char c = d.charAt(i);
      if (isDigit(c) && i + 1 < n && d.charAt(i + 1) == '-') {
        e.append(c).append(" - ");
        i++;
      } else {
        e.append(c);
      }
    }
    return PythonText.split(e);
  }

  /** The class [{-~[-` -&(-+:-@/] of mteval-v13a: ASCII punctuation except ' , - . and space. */
  private static boolean isSplitSymbol(char c) {
    return (c >= '{' && c <= '~')
        || (c >= '[' && c <= '`')
        || (c >= ' ' && c <= '&')
        || (c >= '(' && c <= '+')
        || (c >= ':' && c <= '@')
        || c == '/';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isPeriodOrComma(char c) {
    return c == '.' || c == ',';
  }

  @Override
  public String signature() {
    return "13a";
  }
}
