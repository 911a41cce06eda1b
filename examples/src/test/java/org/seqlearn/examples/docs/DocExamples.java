package org.seqlearn.examples.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the Java examples of the documentation: {@code <pre>{@code ...}</pre>} blocks in the
 * javadoc of every {@code src/main/java} file, and {@code ```java} blocks in Markdown files.
 *
 * <p>The convention (stated in the README's "Code examples" paragraph):
 *
 * <ul>
 *   <li>An example is compiled as the body of a method that may throw any exception, so it is a
 *       sequence of statements; a class it needs is declared in it as a local class.
 *   <li>It is compiled with wildcard imports of every package of the library modules and of
 *       {@code java.util}, {@code java.nio.file} and {@code java.io}; a javadoc example also with
 *       its source file's imports (which settle a name two packages share).
 *   <li>Variables the example uses without declaring them are named just before it in an HTML
 *       comment (which may span lines), as method parameters: {@code <!-- given: Tensor x,
 *       int[] lengths -->}.
 *   <li>{@code <!-- not compiled -->} just before an example marks pseudo-code. A javadoc
 *       {@code <pre>} without {@code {@code} (equations, command lines) is never compiled.
 * </ul>
 */
final class DocExamples {

  static final List<String> COMMON_IMPORTS = List.of("java.util.*", "java.nio.file.*",
      "java.io.*");

  private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.*]+)\\s*;",
      Pattern.MULTILINE);
  private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;",
      Pattern.MULTILINE);
  private static final Pattern GIVEN = Pattern.compile("<!--\\s*given:\\s*(.*?)\\s*-->");
  private static final String NOT_COMPILED = "<!-- not compiled -->";

  private DocExamples() {}

  /**
   * Every {@code <pre>{@code ...}</pre>} example in the javadoc of {@code file}, compiled with
   * {@code projectImports}, the file's own imports and a single-type import of every class of its
   * package (so a name two packages share means the one next to the example).
   */
  static List<DocExample> fromJava(Path file, List<String> projectImports) {
    String text = read(file);
    List<String> imports = new ArrayList<>(projectImports);
    Matcher imp = IMPORT.matcher(text);
    while (imp.find()) {
      imports.add((imp.group(1) == null ? "" : "static ") + imp.group(2));
    }
    Matcher pkg = PACKAGE.matcher(text);
    if (pkg.find()) {
      for (String sibling : classNames(file.getParent())) {
        boolean named = imports.stream().anyMatch(i -> !i.startsWith("static ")
            && i.endsWith("." + sibling));
        if (!named) {
          imports.add(pkg.group(1) + "." + sibling);
        }
      }
    }
    String[] lines = text.split("\n", -1);
    List<DocExample> found = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String doc = stripStar(lines[i]);
      if (!doc.trim().startsWith("<pre>{@code")) {
        continue;
      }
      String before = commentBefore(lines, i, true);
      int start = i + 1;
      StringBuilder code = new StringBuilder();
      int j = start;
      while (j < lines.length && !stripStar(lines[j]).trim().startsWith("}</pre>")) {
        code.append(stripStar(lines[j])).append('\n');
        j++;
      }
      if (j == lines.length) {
        throw new IllegalStateException(file + ":" + (i + 1) + ": <pre>{@code without }</pre>");
      }
      if (!before.contains(NOT_COMPILED)) {
        found.add(new DocExample(file, start + 1, code.toString(), imports, given(before)));
      }
      i = j;
    }
    return found;
  }

  /** Every {@code ```java} block of the Markdown file {@code file}. */
  static List<DocExample> fromMarkdown(Path file, List<String> imports) {
    String[] lines = read(file).split("\n", -1);
    List<DocExample> found = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].trim().equals("```java")) {
        continue;
      }
      String before = commentBefore(lines, i, false);
      StringBuilder code = new StringBuilder();
      int j = i + 1;
      while (j < lines.length && !lines[j].trim().equals("```")) {
        code.append(lines[j]).append('\n');
        j++;
      }
      if (!before.contains(NOT_COMPILED)) {
        found.add(new DocExample(file, i + 2, code.toString(), imports, given(before)));
      }
      i = j;
    }
    return found;
  }

  /**
   * Wildcard imports of every package with a class under {@code root}'s main sources, plus a
   * single-type import of each class whose name {@code java.lang} also has (as {@code Module}),
   * which a user would import by name.
   */
  static List<String> projectPackages(Path root) {
    List<String> packages = new ArrayList<>(COMMON_IMPORTS);
    for (Path src : mainSourceRoots(root)) {
      try (Stream<Path> files = Files.walk(src)) {
        for (Path f : files.filter(DocExamples::isClassFile).sorted().toList()) {
          String pkg = src.relativize(f.getParent()).toString()
              .replace(java.io.File.separatorChar, '.');
          String name = f.getFileName().toString().replace(".java", "");
          if (!packages.contains(pkg + ".*")) {
            packages.add(pkg + ".*");
          }
          if (inJavaLang(name)) {
            packages.add(pkg + "." + name);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return packages;
  }

  /** The public top-level types declared in the {@code .java} files of {@code dir}. */
  private static List<String> classNames(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(DocExamples::isClassFile).filter(DocExamples::declaresPublicType)
          .map(f -> f.getFileName().toString().replace(".java", "")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean declaresPublicType(Path file) {
    String name = file.getFileName().toString().replace(".java", "");
    return Pattern.compile("^public\\s+(?:(?:final|abstract|sealed|non-sealed|strictfp)\\s+)*"
        + "(?:class|interface|enum|record|@interface)\\s+" + name + "\\b", Pattern.MULTILINE)
        .matcher(read(file)).find();
  }

  private static boolean inJavaLang(String simpleName) {
    try {
      Class.forName("java.lang." + simpleName, false, ClassLoader.getPlatformClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  private static boolean isClassFile(Path f) {
    String name = f.getFileName().toString();
    return name.endsWith(".java") && !name.equals("package-info.java");
  }

  /**
   * {@code <module>/src/main/java} of every module under {@code root} but {@code bench} (not a
   * library, and not on the class path the examples are compiled with).
   */
  static List<Path> mainSourceRoots(Path root) {
    try (Stream<Path> modules = Files.list(root)) {
      return modules.filter(m -> !m.getFileName().toString().equals("bench"))
          .map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The HTML comment that ends on the line before line {@code i} (it may span up to five lines,
   * joined with spaces), or that line itself when it holds none.
   */
  private static String commentBefore(String[] lines, int i, boolean javadoc) {
    if (i == 0) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    for (int j = i - 1; j >= Math.max(0, i - 5); j--) {
      String line = javadoc ? stripStar(lines[j]) : lines[j];
      text.insert(0, line.strip() + " ");
      if (j == i - 1 && !line.contains("-->") || line.contains("<!--")) {
        break;
      }
    }
    return text.toString().strip();
  }

  private static String given(String lineBefore) {
    Matcher m = GIVEN.matcher(lineBefore);
    return m.find() ? m.group(1) : "";
  }

  /** A javadoc line without its leading {@code " * "}. */
  private static String stripStar(String line) {
    String t = line.stripLeading();
    if (t.startsWith("*") && !t.startsWith("*/")) {
      t = t.substring(1);
      return t.startsWith(" ") ? t.substring(1) : t;
    }
    return line;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
