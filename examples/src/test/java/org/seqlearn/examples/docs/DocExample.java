package org.seqlearn.examples.docs;

import java.nio.file.Path;
import java.util.List;

/**
 * One code example found in the documentation.
 *
 * @param source the file it was found in
 * @param line the 1-based line of its first code line in that file
 * @param code the example's text, one statement or declaration per line as written
 * @param imports import declarations to compile it with (without {@code import} and {@code ;})
 * @param given the method parameters it may use, e.g. {@code "Tensor x, int[] lengths"}, or ""
 */
record DocExample(Path source, int line, String code, List<String> imports, String given) {

  /** Where the example is, as {@code path:line}. */
  String where() {
    return source + ":" + line;
  }
}
