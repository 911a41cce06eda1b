package org.seqlearn.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlearn.core.random.GlobalSeed;

/**
 * Every Java example in the javadoc of the library modules, in the README and in {@code docs/}
 * compiles against the current API, so the documentation cannot drift from the code; those of
 * {@code docs/} also run. The conventions an example follows are those of {@link DocExamples}.
 */
class DocExamplesCompileTest {

  private static final String PACKAGE = "docexamples";

  @Test
  void everyDocumentationExampleCompiles(@TempDir Path out) {
    Path root = projectRoot();
    List<String> all = DocExamples.projectPackages(root);
    List<DocExample> examples = new ArrayList<>();
    for (Path src : DocExamples.mainSourceRoots(root)) {
      javaFiles(src).forEach(f -> examples.addAll(DocExamples.fromJava(f, all)));
    }
    examples.addAll(DocExamples.fromMarkdown(root.resolve("README.md"), all));
    Path docs = root.resolve("docs");
    if (Files.isDirectory(docs)) {
      markdownFiles(docs).forEach(f -> examples.addAll(DocExamples.fromMarkdown(f, all)));
    }
    assertThat(examples).as("examples found").hasSizeGreaterThan(20);

    List<String> errors = compile(examples, out);
    assertThat(errors).as("documentation examples that do not compile").isEmpty();
  }

  /** The examples of {@code docs/} (which need no given variables) also run without error. */
  @Test
  void theDocsPagesExamplesRun(@TempDir Path out) throws Exception {
    Path docs = projectRoot().resolve("docs");
    List<DocExample> examples = new ArrayList<>();
    List<String> all = DocExamples.projectPackages(projectRoot());
    markdownFiles(docs).forEach(f -> examples.addAll(DocExamples.fromMarkdown(f, all)));
    assertThat(examples).as("examples in docs/").isNotEmpty();
    assertThat(compile(examples, out)).isEmpty();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()},
        getClass().getClassLoader())) {
      for (int i = 0; i < examples.size(); i++) {
        assertThat(examples.get(i).given()).as(examples.get(i).where()).isEmpty();
        Class<?> c = loader.loadClass(PACKAGE + ".Example" + i);
        var constructor = c.getDeclaredConstructor();
        constructor.setAccessible(true);
        Method run = c.getDeclaredMethod("run");
        run.setAccessible(true);
        try {
          run.invoke(constructor.newInstance());
        } catch (InvocationTargetException e) {
          throw new AssertionError(examples.get(i).where() + " failed", e.getCause());
        }
      }
    } finally {
      GlobalSeed.manualSeed(GlobalSeed.DEFAULT_SEED);
    }
  }

  @Test
  void aBrokenExampleIsReportedAtItsLineInTheDocument(@TempDir Path out) throws IOException {
    Path readme = out.resolve("README.md");
    Files.writeString(readme, String.join("\n", "# t", "", "<!-- given: Tensor x -->",
        "```java", "Tensor y = x.tanh();", "IntTensor z = y.rows(0);", "```", "",
        "<!-- not compiled -->", "```java", "pseudo code here", "```", ""));
    List<DocExample> examples = DocExamples.fromMarkdown(readme,
        DocExamples.projectPackages(projectRoot()));
    assertThat(examples).hasSize(1);
    List<String> errors = compile(examples, out);
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0)).startsWith(readme + ":6:").contains("rows");
  }

  @Test
  void aJavadocExampleMeansTheClassOfItsOwnPackageWhenTwoShareAName(@TempDir Path out)
      throws IOException {
    // core.ops and layers.nn both have a public Softmax: next to layers.nn, it is that one
    Path nn = Files.createDirectories(out.resolve("src/org/seqlearn/layers/nn"));
    Files.writeString(nn.resolve("Softmax.java"),
        "package org.seqlearn.layers.nn;\n\npublic final class Softmax {}\n");
    Path layer = Files.writeString(nn.resolve("Doc.java"), String.join("\n",
        "package org.seqlearn.layers.nn;", "", "/**", " * <pre>{@code",
        " * Layer s = new Softmax(-1);", " * }</pre>", " */", "final class Doc {}", ""));
    List<DocExample> examples = DocExamples.fromJava(layer,
        DocExamples.projectPackages(projectRoot()));
    assertThat(examples).hasSize(1);
    assertThat(compile(examples, Files.createDirectories(out.resolve("classes")))).isEmpty();
  }

  /** Compiles every example as a method body; returns one line per error, located in the doc. */
  static List<String> compile(List<DocExample> examples, Path out) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<JavaFileObject> units = new ArrayList<>();
    List<Integer> headers = new ArrayList<>();
    for (int i = 0; i < examples.size(); i++) {
      DocExample e = examples.get(i);
      StringBuilder src = new StringBuilder("package " + PACKAGE + ";\n");
      for (String imp : e.imports()) {
        src.append("import ").append(imp).append(";\n");
      }
      src.append("final class Example").append(i).append(" {\n  void run(").append(e.given())
          .append(") throws Exception {\n");
      headers.add((int) src.chars().filter(c -> c == '\n').count());
      src.append(e.code()).append("  }\n}\n");
      units.add(new Source("Example" + i, src.toString()));
    }
    String classPath = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> options = List.of("--release", "17", "-proc:none", "-implicit:none", "-nowarn",
        "-classpath", classPath, "-d", out.toString());
    javac.getTask(null, null, diagnostics, options, null, units).call();
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() != Diagnostic.Kind.ERROR || d.getSource() == null) {
        continue;
      }
      int index = units.indexOf(d.getSource());
      DocExample e = examples.get(index);
      long line = e.line() + d.getLineNumber() - 1 - headers.get(index);
      errors.add(e.source() + ":" + line + ": " + String.join(" / ",
          d.getMessage(Locale.ROOT).lines().map(String::strip).toList()));
    }
    return errors;
  }

  /** The reactor root: the directory above this module that holds the README. */
  static Path projectRoot() {
    Path module = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    for (Path p = module; p != null; p = p.getParent()) {
      if (Files.exists(p.resolve("README.md")) && Files.isDirectory(p.resolve("core"))) {
        return p;
      }
    }
    throw new IllegalStateException("no project root above " + module);
  }

  private static List<Path> javaFiles(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> markdownFiles(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An in-memory compilation unit. */
  private static final class Source extends SimpleJavaFileObject {
    private final String code;

    Source(String name, String code) {
      super(URI.create("string:///" + PACKAGE + "/" + name + ".java"), Kind.SOURCE);
      this.code = code;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return code;
    }
  }
}
